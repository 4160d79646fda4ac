package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.persons: people. Sealed, so a consumer's switch over them names each one and a new event type
 * fails to compile where it is not handled.
 */
public sealed interface PersonEvent extends DomainEvent permits PersonErased {

    @Override
    default String topic() {
        return GroupsTopics.PERSONS;
    }
}
