package dk.kdnet.meetings.meeting;

/**
 * What may change on a meeting in each status (the transitions themselves are {@link MeetingAction}); a change the
 * status does not allow is a {@link MeetingStatusException}.
 */
public final class MeetingRules {

    private MeetingRules() {}

    /** Items may be added and edited until the minutes are approved; a cancelled meeting is closed too. */
    public static void requireItemsChangeable(MeetingStatus status) {
        if (status == MeetingStatus.MINUTES_APPROVED || status == MeetingStatus.CANCELLED) {
            throw conflict("items of a meeting that is " + status + " no longer change", status);
        }
    }

    /** The order, and removing items, only before publication: published numbers are frozen. */
    public static void requireUnpublished(String what, MeetingStatus status) {
        if (status != MeetingStatus.PLANNED) {
            throw conflict(what + " only before the agenda is published; the meeting is " + status, status);
        }
    }

    /** Decisions are recorded once the meeting is held, and no longer once its minutes are approved. */
    public static void requireDecisionsAllowed(MeetingStatus status) {
        if (status != MeetingStatus.HELD) {
            throw conflict("decisions are recorded on a HELD meeting; the meeting is " + status, status);
        }
    }

    /** Details (time, place, title) may change until the meeting is held. */
    public static void requireDetailsChangeable(MeetingStatus status) {
        if (status != MeetingStatus.PLANNED && status != MeetingStatus.AGENDA_PUBLISHED) {
            throw conflict("a meeting that is " + status + " cannot be changed", status);
        }
    }

    /** Attendance is recorded until the minutes are approved. */
    public static void requireAttendanceChangeable(MeetingStatus status) {
        requireItemsChangeable(status);
    }

    private static MeetingStatusException conflict(String detail, MeetingStatus status) {
        return new MeetingStatusException(detail, status);
    }
}
