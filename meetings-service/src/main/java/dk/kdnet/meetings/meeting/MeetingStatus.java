package dk.kdnet.meetings.meeting;

/** Where a meeting is in its life: PLANNED → AGENDA_PUBLISHED → HELD → MINUTES_APPROVED, or CANCELLED. */
public enum MeetingStatus {
    PLANNED, AGENDA_PUBLISHED, HELD, MINUTES_APPROVED, CANCELLED;

    /** Anyone may see the agenda of a meeting in these states (closed items aside). */
    public boolean agendaPublic() {
        return this == AGENDA_PUBLISHED || this == HELD || this == MINUTES_APPROVED;
    }

    /** Anyone may read the minutes (closed items aside) once a later meeting has approved them. */
    public boolean minutesPublic() {
        return this == MINUTES_APPROVED;
    }
}
