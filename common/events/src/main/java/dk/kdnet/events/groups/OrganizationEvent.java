package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;

/**
 * The events of groups.organizations: organizations and their population figures. Sealed, so a consumer's switch over
 * them names each one and a new event type fails to compile where it is not handled.
 */
public sealed interface OrganizationEvent extends DomainEvent
        permits OrganizationRegistered, OrganizationChanged, PopulationRecorded {

    @Override
    default String topic() {
        return GroupsTopics.ORGANIZATIONS;
    }
}
