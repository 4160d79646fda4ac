package dk.kdnet.events.meetings;

import dk.kdnet.events.DomainEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A decision was recorded on an agenda item. Its effects are what other services act on; keyed by meeting so one meeting's decisions stay in order. */
public record DecisionRecorded(UUID decisionId, UUID meetingId, UUID agendaItemId, Integer itemNumber, UUID bodyId,
        LocalDate meetingDate, String outcome, List<DecisionEffect> effects) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.meetings.decision-recorded.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return MeetingsTopics.DECISIONS;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
