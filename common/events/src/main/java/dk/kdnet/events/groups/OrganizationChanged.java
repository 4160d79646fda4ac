package dk.kdnet.events.groups;

import java.util.UUID;

/** An organization's name, codes or kind changed; carries the whole new state. */
public record OrganizationChanged(UUID organizationId, String kind, String name, String shortName,
        String municipalityCode, String cvr, String ean) implements OrganizationEvent {

    public static final String TYPE = "dk.kdnet.groups.organization-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return organizationId.toString();
    }
}
