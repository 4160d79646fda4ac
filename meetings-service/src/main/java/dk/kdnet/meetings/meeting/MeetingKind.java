package dk.kdnet.meetings.meeting;

public enum MeetingKind {
    ORDINARY, CONSTITUTING, SEMINAR, STATUS
}
