package dk.kdnet.meetings.meeting;

/**
 * What is asked of a meeting is not allowed in its status: a rule of {@link MeetingRules} or a transition of
 * {@link MeetingAction}. Names the status, so the caller can tell what would be allowed.
 */
public final class MeetingStatusException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final MeetingStatus currentStatus;

    public MeetingStatusException(String message, MeetingStatus currentStatus) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public MeetingStatus currentStatus() {
        return currentStatus;
    }
}
