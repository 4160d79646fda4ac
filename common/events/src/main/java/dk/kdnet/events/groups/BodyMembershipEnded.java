package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A seat in a body ended: {@code validTo} is the last day of the membership. */
public record BodyMembershipEnded(UUID membershipId, UUID bodyId, UUID personId, LocalDate validTo,
        String endReason) implements BodyMembershipEvent {

    public static final String TYPE = "dk.kdnet.groups.body-membership-ended.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
