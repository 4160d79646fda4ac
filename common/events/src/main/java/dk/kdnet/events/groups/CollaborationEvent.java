package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.collaborations: collaborations and their terms. Sealed, so a consumer's switch over them names
 * each one and a new event type fails to compile where it is not handled.
 */
public sealed interface CollaborationEvent extends DomainEvent
        permits CollaborationRegistered, CollaborationTermsChanged {

    @Override
    default String topic() {
        return GroupsTopics.COLLABORATIONS;
    }
}
