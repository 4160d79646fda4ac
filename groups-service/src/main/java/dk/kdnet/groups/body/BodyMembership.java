package dk.kdnet.groups.body;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A person's seat in a body in one role, from {@code validFrom} to {@code validTo} (last day, inclusive). */
@Entity
@Audited
public class BodyMembership extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID bodyId;

    public UUID personId;

    @Enumerated(EnumType.STRING)
    public BodyRole role;

    /** False for "uden stemmeret". */
    public boolean voting;

    public UUID representingOrganizationId;

    public LocalDate validFrom;

    /** Last day of the seat; null while open-ended. */
    public LocalDate validTo;

    public String endReason;

    @Version
    public long version;

    public boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
    }

    public boolean covers(LocalDate day) {
        return overlaps(day, day);
    }
}
