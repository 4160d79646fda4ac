package dk.kdnet.economy.charge;

import dk.kdnet.economy.Json;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.envers.Audited;

/** What one organization pays under one scheme for its year; never changed once invoiced. */
@Entity
@Audited
public class Charge extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID schemeId;

    public UUID organizationId;

    public int year;

    public BigDecimal amount;

    /** Numbers the versions: each new amount or adjustment is the next one. */
    public int chargeVersion;

    public int months;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String breakdown;

    public boolean invoiced;

    public Instant invoicedAt;

    /** Invoiced amount plus the adjustments since; null until invoiced. */
    public BigDecimal billed;

    public Instant updatedAt;

    @Version
    public long version;

    public Breakdown breakdownView() {
        return Json.read(breakdown, Breakdown.class);
    }

    /** What a charge stands at, as a value: all a recalculation needs to decide its change ({@link ChargeChange}). */
    public record Standing(UUID id, UUID schemeId, UUID organizationId, BigDecimal amount, BigDecimal billed,
            boolean invoiced, int months, int chargeVersion, long version) {}

    public static List<Standing> standingOf(Collection<UUID> schemeIds) {
        return schemeIds.isEmpty() ? List.of() : find("schemeId in ?1", schemeIds).project(Standing.class).list();
    }
}
