package dk.kdnet.events.meetings;

import dk.kdnet.events.DomainEvent;

/**
 * The events of meetings.meetings: a meeting from scheduling to approved minutes. Sealed, so a consumer's switch over
 * them names each one and a new event type fails to compile where it is not handled.
 */
public sealed interface MeetingEvent extends DomainEvent
        permits MeetingScheduled, MeetingChanged, MeetingCancelled, AgendaPublished, MinutesApproved, EsdhPackageReady {

    @Override
    default String topic() {
        return MeetingsTopics.MEETINGS;
    }
}
