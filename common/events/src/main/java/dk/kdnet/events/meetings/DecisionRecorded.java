package dk.kdnet.events.meetings;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.MalformedEventException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A decision was recorded on an agenda item. Its effects are what other services act on; keyed by meeting so one meeting's decisions stay in order. */
public record DecisionRecorded(UUID decisionId, UUID meetingId, UUID agendaItemId, Integer itemNumber, UUID bodyId,
        LocalDate meetingDate, String outcome, List<DecisionEffect> effects) implements DecisionEvent {

    public static final String TYPE = "dk.kdnet.meetings.decision-recorded.v1";

    /**
     * The decision an event on {@code meetings.decisions} carries, for the consumers that carry out its effects:
     * empty for other event types on the topic; malformed (parked, not retried) without its id or outcome.
     */
    public static Optional<DecisionRecorded> of(CloudEvent event) {
        return event.as(DecisionEvent.class).map(decisions -> switch (decisions) {
            case DecisionRecorded decision -> {
                if (decision.decisionId() == null || decision.outcome() == null) {
                    throw new MalformedEventException("decision-recorded " + event.id()
                            + " lacks decisionId or outcome");
                }
                yield decision;
            }
        });
    }

    /** Whether the event is a decision with an effect of one of the kinds (malformed: as {@link #of}). */
    public static boolean hasEffectOf(CloudEvent event, Set<String> kinds) {
        return of(event).map(decision -> decision.effectList().stream().anyMatch(e -> kinds.contains(e.kind())))
                .orElse(false);
    }

    /** Its effects, none when the event has no list. */
    public List<DecisionEffect> effectList() {
        return effects == null ? List.of() : effects;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
