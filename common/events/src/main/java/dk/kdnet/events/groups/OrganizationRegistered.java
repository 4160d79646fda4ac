package dk.kdnet.events.groups;

import java.util.UUID;

/** An organization (municipality, region, ...) became known to KD-Net. */
public record OrganizationRegistered(UUID organizationId, String kind, String name, String shortName,
        String municipalityCode, String cvr, String ean) implements OrganizationEvent {

    public static final String TYPE = "dk.kdnet.groups.organization-registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return organizationId.toString();
    }
}
