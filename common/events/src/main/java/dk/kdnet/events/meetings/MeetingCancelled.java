package dk.kdnet.events.meetings;

import dk.kdnet.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A meeting was cancelled; item numbers it had frozen are not reused. */
public record MeetingCancelled(UUID meetingId, UUID bodyId, OffsetDateTime startsAt, String reason) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.meetings.meeting-cancelled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return MeetingsTopics.MEETINGS;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
