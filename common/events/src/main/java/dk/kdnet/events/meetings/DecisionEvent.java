package dk.kdnet.events.meetings;

import dk.kdnet.events.DomainEvent;

/**
 * The events of meetings.decisions: decisions and their effects. Sealed, so a consumer's switch over them names each
 * one and a new event type fails to compile where it is not handled.
 */
public sealed interface DecisionEvent extends DomainEvent permits DecisionRecorded {

    @Override
    default String topic() {
        return MeetingsTopics.DECISIONS;
    }
}
