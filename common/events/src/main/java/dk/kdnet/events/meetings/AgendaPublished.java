package dk.kdnet.events.meetings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A meeting's agenda was published and its item numbers frozen. Closed (confidential) items are listed by number only, without title. */
public record AgendaPublished(UUID meetingId, UUID bodyId, OffsetDateTime startsAt, List<PublishedItem> items) implements MeetingEvent {

    /** One item as published: its frozen number, and its title unless it is closed. */
    public record PublishedItem(UUID agendaItemId, int number, String title, boolean closed) {}

    public static final String TYPE = "dk.kdnet.meetings.agenda-published.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
