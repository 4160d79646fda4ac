package dk.kdnet.meetings.meeting;

import dk.kdnet.events.meetings.AgendaPublished.PublishedItem;
import java.util.List;

/**
 * What a meeting needs of its agenda when the agenda is published. Agenda items build on meetings (package agenda),
 * so the agenda implements this rather than meetings reaching up into it.
 */
public interface Agendas {

    /**
     * Freezes the numbers of the meeting's items under its body's policy; answers the items as published, in agenda
     * order, or none when the agenda is empty (and then freezes nothing).
     */
    List<PublishedItem> freezeNumbers(Meeting meeting);
}
