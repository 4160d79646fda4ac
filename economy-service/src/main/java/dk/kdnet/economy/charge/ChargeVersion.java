package dk.kdnet.economy.charge;

import dk.kdnet.economy.Json;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One recalculation of a charge: a new amount, or once invoiced an adjustment, and its cause. */
@Entity
public class ChargeVersion extends PanacheEntityBase {

    public enum Kind { CALCULATION, ADJUSTMENT }

    @Id
    public UUID id;

    public UUID chargeId;

    public int chargeVersion;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public BigDecimal amount;

    public BigDecimal previousAmount;

    public BigDecimal adjustment;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String breakdown;

    public UUID causeEventId;

    public String causeEventType;

    public UUID decisionId;

    public UUID meetingId;

    public UUID agendaItemId;

    public Integer itemNumber;

    public Instant createdAt;

    public Breakdown breakdownView() {
        return Json.read(breakdown, Breakdown.class);
    }
}
