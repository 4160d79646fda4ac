package dk.kdnet.events.groups;

import dk.kdnet.events.DecisionReference;
import java.time.LocalDate;
import java.util.UUID;

/** An organization joined a collaboration on {@code joinedOn}: it pays from the first of that month. Keyed by collaboration so its membership changes stay in order. {@code decision} is null when the join was not decided at a meeting. */
public record CollaborationMemberJoined(UUID collaborationId, UUID organizationId, UUID membershipId,
        LocalDate joinedOn, DecisionReference decision) implements CollaborationMembershipEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-member-joined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
