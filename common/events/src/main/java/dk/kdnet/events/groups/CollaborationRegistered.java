package dk.kdnet.events.groups;

import java.util.UUID;

/** A collaboration (GovTech Midtjylland, ...) became known. */
public record CollaborationRegistered(UUID collaborationId, String name, String shortName,
        UUID hostOrganizationId) implements CollaborationEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
