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
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
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
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body's meetings as an iCalendar feed (RFC 5545): one VEVENT per meeting with a stable UID, local times in
 * Europe/Copenhagen (VTIMEZONE included), SEQUENCE raised on every change and STATUS CANCELLED for a cancelled
 * meeting, so a subscribed calendar updates or strikes its entry. Links are absolute, at the API's public URL
 * ({@code kdnet.meetings.public-url}, the gateway): URL is the minutes once the caller may read them, else the agenda
 * once published, else the meeting; LAST-MODIFIED is the meeting's last change as its audit history records it.
 */
@ApplicationScoped
public class CalendarFeed {

    static final String PRODUCT = "-//KD-Net//meetings-service//DA";

    private static final VTimeZone TIME_ZONE = copenhagen();

    @ConfigProperty(name = "kdnet.meetings.public-url")
    String publicUrl;

    /** A body's meetings, earliest first, each with the time of its last change. */
    public record Listed(Meeting meeting, Instant lastModified) {}

    public List<Listed> meetings(UUID bodyId) {
        List<Meeting> meetings = Meeting.list("bodyId", Sort.by("startsAt"), bodyId);
        if (meetings.isEmpty()) {
            return List.of();
        }
        var changed = new HashMap<UUID, Instant>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Meeting.getEntityManager().createNativeQuery("""
                SELECT a.id, max(r.changed_at) FROM meeting_aud a JOIN audit_revision r ON r.id = a.rev
                WHERE a.id IN (:ids) GROUP BY a.id""").setParameter("ids", meetings.stream().map(m -> m.id).toList())
                .getResultList();
        rows.forEach(r -> changed.put((UUID) r[0], Instant.ofEpochMilli(((Number) r[1]).longValue())));
        // Every change to a meeting is audited; the start stands in should a row predate the audit.
        return meetings.stream().map(m -> new Listed(m, changed.getOrDefault(m.id, m.startsAt.toInstant()))).toList();
    }

    /** {@code internal}: the caller sees internal material, so links to minutes not yet approved are given. */
    public void write(String bodyName, List<Listed> meetings, boolean internal, Writer out) {
        var calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        calendar.add(new XProperty("X-WR-CALNAME", bodyName));
        calendar.add(new XProperty("X-WR-TIMEZONE", Copenhagen.ZONE.getId()));
        calendar.add(TIME_ZONE);
        var base = publicUrl.replaceAll("/+$", "") + "/api/meetings/";
        for (var listed : meetings) {
            calendar.add(event(listed, base, internal));
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

    private static VEvent event(Listed listed, String base, boolean internal) {
        var meeting = listed.meeting();
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
        var url = base + meeting.id;
        if (meeting.status.agendaPublic()) {
            url = base + meeting.id + "/agenda.pdf";
            description.append("\nDagsorden: ").append(url);
        }
        if (DocumentService.hasMinutes(meeting.status) && Visibility.minutesVisible(meeting.status, internal)) {
            url = base + meeting.id + "/minutes.pdf";
            description.append("\nReferat: ").append(url);
        }
        if (meeting.cancelReason != null) {
            description.append("\nAflyst: ").append(meeting.cancelReason);
        }
        event.add(new Description(description.toString()));
        event.add(new Url(URI.create(url)));
        event.add(new LastModified(listed.lastModified()));
        return event;
    }
}
