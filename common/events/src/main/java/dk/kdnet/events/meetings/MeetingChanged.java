package dk.kdnet.events.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A meeting's details or status changed (rescheduled, moved, held); carries the whole new state. */
public record MeetingChanged(UUID meetingId, UUID bodyId, String title, String kind, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String locationKind, String place, String platform, String caseNumber, String status) implements MeetingEvent {

    public static final String TYPE = "dk.kdnet.meetings.meeting-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
