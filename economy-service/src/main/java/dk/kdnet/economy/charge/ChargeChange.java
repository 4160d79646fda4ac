package dk.kdnet.economy.charge;

import dk.kdnet.economy.Json;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.events.economy.ChargeRecalculated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a recalculation changes in one charge, decided here once for both ways of writing it (entity by entity, or
 * {@link BulkChargeWrites}): the charge's state after the change, the version that records it and its event.
 *
 * @param standing what the charge stands at; null for a charge the recalculation creates
 * @param breakdown the calculation's breakdown (JSON): the charge's new one, and its version's even when it is an
 *     adjustment, which leaves the charge's own breakdown and months as they were
 */
record ChargeChange(Scheme scheme, UUID chargeId, UUID organizationId, Charge.Standing standing,
        ChargeVersion.Kind kind, BigDecimal amount, BigDecimal previousAmount, BigDecimal adjustment, BigDecimal billed,
        int months, String breakdown, int chargeVersion) {

    /**
     * The change the calculated row makes to the charge, or none when it stays as it is: an invoiced charge changes
     * by its billed amount only, any other by its amount or months.
     *
     * @param row the calculated row; null when the organization no longer pays under the scheme
     */
    static Optional<ChargeChange> of(Scheme scheme, UUID organizationId, Charge.Standing standing,
            dk.kdnet.economy.financing.Charge row) {
        var calculated = row == null ? BigDecimal.ZERO : row.amount();
        var breakdown = row == null ? Breakdown.none() : Breakdown.of(row);
        if (standing == null) {
            return Optional.of(new ChargeChange(scheme, UUID.randomUUID(), organizationId, null,
                    ChargeVersion.Kind.CALCULATION, calculated, null, null, null, breakdown.months(),
                    Json.write(breakdown), 1));
        }
        if (standing.invoiced()) {
            if (calculated.compareTo(standing.billed()) == 0) {
                return Optional.empty();
            }
            return Optional.of(new ChargeChange(scheme, standing.id(), organizationId, standing,
                    ChargeVersion.Kind.ADJUSTMENT, standing.amount(), standing.amount(),
                    calculated.subtract(standing.billed()), calculated, standing.months(), Json.write(breakdown),
                    standing.chargeVersion() + 1));
        }
        if (calculated.compareTo(standing.amount()) == 0 && breakdown.months() == standing.months()) {
            return Optional.empty();
        }
        return Optional.of(new ChargeChange(scheme, standing.id(), organizationId, standing,
                ChargeVersion.Kind.CALCULATION, calculated, standing.amount(), null, standing.billed(),
                breakdown.months(), Json.write(breakdown), standing.chargeVersion() + 1));
    }

    boolean isNew() {
        return standing == null;
    }

    boolean isAdjustment() {
        return kind == ChargeVersion.Kind.ADJUSTMENT;
    }

    boolean invoiced() {
        return standing != null && standing.invoiced();
    }

    /** The charge as an entity after the change, for the entity-by-entity way. */
    void applyTo(Charge charge, Instant now) {
        charge.amount = amount;
        charge.billed = billed;
        charge.months = months;
        if (!isAdjustment()) {
            charge.breakdown = breakdown;
        }
        charge.chargeVersion = chargeVersion;
        charge.updatedAt = now;
    }

    ChargeVersion version(Cause cause, Instant now) {
        var version = new ChargeVersion();
        version.id = UUID.randomUUID();
        version.chargeId = chargeId;
        version.chargeVersion = chargeVersion;
        version.kind = kind;
        version.amount = amount;
        version.previousAmount = previousAmount;
        version.adjustment = adjustment;
        version.breakdown = breakdown;
        version.causeEventId = cause.eventId();
        version.causeEventType = cause.eventType();
        var decision = cause.decision();
        if (decision != null) {
            version.decisionId = decision.decisionId();
            version.meetingId = decision.meetingId();
            version.agendaItemId = decision.agendaItemId();
            version.itemNumber = decision.itemNumber();
        }
        version.createdAt = now;
        return version;
    }

    ChargeRecalculated event(Cause cause) {
        return new ChargeRecalculated(chargeId, scheme.id, scheme.ownerKind.name(), scheme.ownerId, organizationId,
                scheme.year, chargeVersion, amount, previousAmount, adjustment, invoiced(), months, cause.eventId(),
                cause.eventType(), cause.decision());
    }
}
