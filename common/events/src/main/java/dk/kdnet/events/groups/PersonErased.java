package dk.kdnet.events.groups;

import java.util.UUID;

/** A person's personal data was erased (GDPR): read models replace the display name. */
public record PersonErased(UUID personId, String displayName) implements PersonEvent {

    public static final String TYPE = "dk.kdnet.groups.person-erased.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return personId.toString();
    }
}
