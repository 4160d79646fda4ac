package dk.kdnet.events.meetings;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A meeting of a body was planned. Times are in Europe/Copenhagen; {@code place} is set for a meeting at a place, {@code platform} for an ONLINE one. */
public record MeetingScheduled(UUID meetingId, UUID bodyId, String title, String kind, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String locationKind, String place, String platform, String caseNumber, String status) implements MeetingEvent {

    public static final String TYPE = "dk.kdnet.meetings.meeting-scheduled.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
