package dk.kdnet.groups.secretariat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A person working in a secretariat in a role, with a share of full time, for a period. */
@Entity
@Audited
public class StaffAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID secretariatId;

    public UUID personId;

    public String role;

    public BigDecimal fte;

    public LocalDate validFrom;

    /** Last day; null while open-ended. */
    public LocalDate validTo;

    @Version
    public long version;

    public static List<StaffAssignment> of(UUID secretariatId, LocalDate on) {
        return on == null ? list("secretariatId = ?1 order by validFrom, role", secretariatId)
                : list("secretariatId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2) "
                        + "order by validFrom, role", secretariatId, on);
    }
}
