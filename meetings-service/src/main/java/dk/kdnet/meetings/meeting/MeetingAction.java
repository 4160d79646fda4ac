package dk.kdnet.meetings.meeting;

import static dk.kdnet.meetings.meeting.MeetingStatus.AGENDA_PUBLISHED;
import static dk.kdnet.meetings.meeting.MeetingStatus.CANCELLED;
import static dk.kdnet.meetings.meeting.MeetingStatus.HELD;
import static dk.kdnet.meetings.meeting.MeetingStatus.MINUTES_APPROVED;
import static dk.kdnet.meetings.meeting.MeetingStatus.PLANNED;

import java.util.Set;

/** The explicit transitions of a meeting, each allowed only from some statuses. */
public enum MeetingAction {
    PUBLISH_AGENDA("publish the agenda of", Set.of(PLANNED), AGENDA_PUBLISHED),
    HOLD("hold", Set.of(AGENDA_PUBLISHED), HELD),
    APPROVE_MINUTES("approve the minutes of", Set.of(HELD), MINUTES_APPROVED),
    CANCEL("cancel", Set.of(PLANNED, AGENDA_PUBLISHED), CANCELLED);

    private final String verb;
    private final Set<MeetingStatus> from;
    private final MeetingStatus to;

    MeetingAction(String verb, Set<MeetingStatus> from, MeetingStatus to) {
        this.verb = verb;
        this.from = from;
        this.to = to;
    }

    /** The status after this action; refused in any status it is not allowed from. */
    public MeetingStatus apply(MeetingStatus current) {
        if (!from.contains(current)) {
            throw new MeetingStatusException("cannot " + verb + " a meeting that is " + current + " (allowed from "
                    + from + ")", current);
        }
        return to;
    }
}
