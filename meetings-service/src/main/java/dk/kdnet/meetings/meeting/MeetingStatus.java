package dk.kdnet.meetings.meeting;

public enum MeetingStatus {
    PLANNED, AGENDA_PUBLISHED, HELD, MINUTES_APPROVED, CANCELLED
}
