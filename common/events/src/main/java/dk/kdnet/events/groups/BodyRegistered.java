package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A body (KD-Net itself, a steering group, a board, ...) was set up. */
public record BodyRegistered(UUID bodyId, String kind, String name, String shortName, UUID parentBodyId,
        LocalDate validFrom, LocalDate validTo) implements BodyEvent {

    public static final String TYPE = "dk.kdnet.groups.body-registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
