package dk.kdnet.events.groups;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/** An organization joined a collaboration on {@code joinedOn}: it pays from the first of that month. Keyed by collaboration so its membership changes stay in order. {@code decision} is null when the join was not decided at a meeting. */
public record CollaborationMemberJoined(UUID collaborationId, UUID organizationId, UUID membershipId,
        LocalDate joinedOn, DecisionReference decision) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-member-joined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return GroupsTopics.COLLABORATION_MEMBERSHIPS;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
