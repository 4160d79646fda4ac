package dk.kdnet.events.economy;

import dk.kdnet.events.DecisionReference;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A charge got a new amount, or, once invoiced, an adjustment. Amounts are whole kroner. {@code version} is the
 * charge's version after the change; {@code adjustment} is the credit (negative) or debit of an invoiced charge and
 * null otherwise. {@code causeEventId}/{@code causeEventType} name what triggered the recalculation (the groups event,
 * or {@code dk.kdnet.economy.scheme-approved.v1} with no id), {@code decision} the meeting decision behind it, if any.
 */
public record ChargeRecalculated(UUID chargeId, UUID schemeId, String ownerKind, UUID ownerId, UUID organizationId,
        int year, int version, BigDecimal amount, BigDecimal previousAmount, BigDecimal adjustment, boolean invoiced,
        int months, UUID causeEventId, String causeEventType, DecisionReference decision) implements ChargeEvent {

    public static final String TYPE = "dk.kdnet.economy.charge-recalculated.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return chargeId.toString();
    }
}
