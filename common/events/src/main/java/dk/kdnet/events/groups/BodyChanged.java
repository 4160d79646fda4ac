package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A body's name, kind, parent or period changed; carries the whole new state. */
public record BodyChanged(UUID bodyId, String kind, String name, String shortName, UUID parentBodyId,
        LocalDate validFrom, LocalDate validTo) implements BodyEvent {

    public static final String TYPE = "dk.kdnet.groups.body-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
