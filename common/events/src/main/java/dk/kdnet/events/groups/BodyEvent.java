package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.bodies: bodies. Sealed, so a consumer's switch over them names each one and a new event type
 * fails to compile where it is not handled.
 */
public sealed interface BodyEvent extends DomainEvent permits BodyRegistered, BodyChanged {

    @Override
    default String topic() {
        return GroupsTopics.BODIES;
    }
}
