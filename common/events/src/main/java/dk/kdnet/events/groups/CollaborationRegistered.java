package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;
import java.util.UUID;

/** A collaboration (GovTech Midtjylland, ...) became known. */
public record CollaborationRegistered(UUID collaborationId, String name, String shortName,
        UUID hostOrganizationId) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return GroupsTopics.COLLABORATIONS;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
