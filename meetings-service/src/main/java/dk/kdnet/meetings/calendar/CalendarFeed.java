package dk.kdnet.meetings.calendar;

import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.document.DocumentService;
import dk.kdnet.meetings.meeting.Copenhagen;
import dk.kdnet.meetings.meeting.LocationKind;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * A body's meetings as an iCalendar feed (RFC 5545): one VEVENT per meeting with a stable UID, local times in
 * Europe/Copenhagen (VTIMEZONE included), SEQUENCE raised on every change and STATUS CANCELLED for a cancelled
 * meeting, so a subscribed calendar updates or strikes its entry.
 */
@ApplicationScoped
public class CalendarFeed {

    static final String PRODUCT = "-//KD-Net//meetings-service//DA";

    private static final VTimeZone TIME_ZONE = copenhagen();

    public List<Meeting> meetings(UUID bodyId) {
        return Meeting.list("bodyId", Sort.by("startsAt"), bodyId);
    }

    /** {@code internal}: the caller sees internal material, so links to minutes not yet approved are given. */
    public void write(String bodyName, List<Meeting> meetings, boolean internal, Writer out) {
        var calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        calendar.add(new XProperty("X-WR-CALNAME", bodyName));
        calendar.add(new XProperty("X-WR-TIMEZONE", Copenhagen.ZONE.getId()));
        calendar.add(TIME_ZONE);
        for (var meeting : meetings) {
            calendar.add(event(meeting, internal));
        }
        try {
            // Not validated on the way out: ical4j's validator wants a METHOD a subscription feed has no use for.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ical4j's zone data has Copenhagen as a link to Berlin (same rules) and names the VTIMEZONE so; the events
     * say TZID=Europe/Copenhagen, so the VTIMEZONE must carry that id (RFC 5545 3.2.19).
     */
    private static VTimeZone copenhagen() {
        VTimeZone zone = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(Copenhagen.ZONE.getId())
                .getVTimeZone().copy();
        zone.replace(new TzId(Copenhagen.ZONE.getId()));
        return zone;
    }

    static String uid(UUID meetingId) {
        return meetingId + "@kdnet";
    }

    private static VEvent event(Meeting meeting, boolean internal) {
        var start = meeting.startsAt.atZoneSameInstant(Copenhagen.ZONE);
        var end = meeting.endsAt.atZoneSameInstant(Copenhagen.ZONE);
        var event = new VEvent(start, end, meeting.title);
        event.add(new Uid(uid(meeting.id)));
        event.add(new Sequence(meeting.calendarSequence));
        event.add(new Status(meeting.status == MeetingStatus.CANCELLED ? Status.VALUE_CANCELLED
                : Status.VALUE_CONFIRMED));
        event.add(new Location(meeting.locationKind == LocationKind.PLACE ? meeting.place : meeting.platform));
        var description = new StringBuilder("Status: " + meeting.status);
        if (meeting.caseNumber != null) {
            description.append("\nSagsnummer: ").append(meeting.caseNumber);
        }
        if (meeting.status.agendaPublic()) {
            description.append("\nDagsorden: /api/meetings/").append(meeting.id).append("/agenda.pdf");
        }
        if (DocumentService.hasMinutes(meeting.status) && Visibility.minutesVisible(meeting.status, internal)) {
            description.append("\nReferat: /api/meetings/").append(meeting.id).append("/minutes.pdf");
        }
        if (meeting.cancelReason != null) {
            description.append("\nAflyst: ").append(meeting.cancelReason);
        }
        event.add(new Description(description.toString()));
        event.add(new LastModified(Instant.now()));
        return event;
    }
}
