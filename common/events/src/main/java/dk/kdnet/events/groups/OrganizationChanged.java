package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;
import java.util.UUID;

/** An organization's name, codes or kind changed; carries the whole new state. */
public record OrganizationChanged(UUID organizationId, String kind, String name, String shortName,
        String municipalityCode, String cvr, String ean) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.groups.organization-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return GroupsTopics.ORGANIZATIONS;
    }

    @Override
    public String subject() {
        return organizationId.toString();
    }
}
