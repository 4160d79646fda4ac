package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.body-memberships: who sits in a body, over time. Sealed, so a consumer's switch over them names
 * each one and a new event type fails to compile where it is not handled.
 */
public sealed interface BodyMembershipEvent extends DomainEvent permits BodyMembershipStarted, BodyMembershipEnded {

    @Override
    default String topic() {
        return GroupsTopics.BODY_MEMBERSHIPS;
    }
}
