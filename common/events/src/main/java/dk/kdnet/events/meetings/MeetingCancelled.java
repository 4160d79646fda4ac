package dk.kdnet.events.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A meeting was cancelled; item numbers it had frozen are not reused. */
public record MeetingCancelled(UUID meetingId, UUID bodyId, OffsetDateTime startsAt, String reason) implements MeetingEvent {

    public static final String TYPE = "dk.kdnet.meetings.meeting-cancelled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
