package dk.kdnet.meetings.attendance;

public enum AttendanceKind {
    APOLOGY, SUBSTITUTE, GUEST
}
