package dk.kdnet.events.groups;

import dk.kdnet.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/** A body (KD-Net itself, a steering group, a board, ...) was set up. */
public record BodyRegistered(UUID bodyId, String kind, String name, String shortName, UUID parentBodyId,
        LocalDate validFrom, LocalDate validTo) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.groups.body-registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return GroupsTopics.BODIES;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
