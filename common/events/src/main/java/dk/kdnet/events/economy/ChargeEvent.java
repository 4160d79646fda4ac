package dk.kdnet.events.economy;

import dk.kdnet.events.DomainEvent;

/**
 * The events of economy.charges: what each organization is charged. Sealed, so a consumer's switch over them names
 * each one and a new event type fails to compile where it is not handled.
 */
public sealed interface ChargeEvent extends DomainEvent permits ChargeRecalculated {

    @Override
    default String topic() {
        return EconomyTopics.CHARGES;
    }
}
