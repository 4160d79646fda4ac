package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.collaboration-memberships: who is a member of a collaboration, joining and leaving. Sealed, so
 * a consumer's switch over them names each one and a new event type fails to compile where it is not handled.
 */
public sealed interface CollaborationMembershipEvent extends DomainEvent
        permits CollaborationMemberJoined, CollaborationMemberWithdrew, CollaborationWithdrawalRevoked {

    @Override
    default String topic() {
        return GroupsTopics.COLLABORATION_MEMBERSHIPS;
    }
}
