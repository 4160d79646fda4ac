package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A person took a seat in a body; keyed by body so a body's seats stay in order. {@code validTo} is null while open-ended. */
public record BodyMembershipStarted(UUID membershipId, UUID bodyId, UUID personId, String personDisplayName,
        String role, boolean voting, UUID representingOrganizationId, LocalDate validFrom, LocalDate validTo) implements BodyMembershipEvent {

    public static final String TYPE = "dk.kdnet.groups.body-membership-started.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
