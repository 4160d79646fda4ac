package dk.kdnet.events.meetings;

import java.util.UUID;

/** The minutes of a meeting were approved, by the decision on an APPROVE_MINUTES item of a later meeting ({@code approvedByDecisionId}; null when recorded without one, e.g. reference data). Its items no longer change. */
public record MinutesApproved(UUID meetingId, UUID bodyId, UUID approvedAtMeetingId, UUID approvedByDecisionId) implements MeetingEvent {

    public static final String TYPE = "dk.kdnet.meetings.minutes-approved.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
