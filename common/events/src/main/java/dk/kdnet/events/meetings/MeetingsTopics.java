package dk.kdnet.events.meetings;

/** The topics meetings-service publishes on. */
public final class MeetingsTopics {

    public static final String MEETINGS = "meetings.meetings";
    public static final String DECISIONS = "meetings.decisions";

    private MeetingsTopics() {}
}
