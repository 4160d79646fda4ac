package dk.kdnet.meetings.access;

import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingStatus;
import dk.kdnet.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place in meetings-service that decides what the caller may see: members of a body and the
 * secretariat see closed (confidential) items, agendas not yet published and minutes not yet approved;
 * anyone else sees the open items of published agendas, and decisions once the minutes are approved. The ESDH
 * system's client is anyone else, except that its package holds the closed items too, marked closed.
 */
@RequestScoped
public class Visibility {

    @Inject
    Caller caller;

    public boolean seesConfidential() {
        return caller.seesInternal();
    }

    /**
     * Whether closed items go into the ESDH package, each marked closed: for the ESDH system's client (README
     * "Security"), members and the secretariat. The ESDH client sees them nowhere else.
     */
    public boolean filesClosedItems() {
        return seesConfidential() || caller.filesRecords();
    }

    public boolean seesAgenda(Meeting meeting) {
        return agendaVisible(meeting.status, seesConfidential());
    }

    public boolean seesMinutes(Meeting meeting) {
        return minutesVisible(meeting.status, seesConfidential());
    }

    /** For work done after the request's scope, e.g. a feed written as it streams. */
    public static boolean agendaVisible(MeetingStatus status, boolean internal) {
        return internal || status.agendaPublic();
    }

    /** Minutes are drafts until a later meeting approves them; only then do they reach the public. */
    public static boolean minutesVisible(MeetingStatus status, boolean internal) {
        return internal || status.minutesPublic();
    }
}
