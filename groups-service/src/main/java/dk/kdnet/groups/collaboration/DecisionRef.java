package dk.kdnet.groups.collaboration;

import dk.kdnet.events.DecisionReference;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** The meeting decision behind a change, stored with it (all columns null when there was none). */
@Embeddable
public class DecisionRef {

    public UUID decisionId;

    public UUID meetingId;

    public UUID agendaItemId;

    public Integer itemNumber;

    public static DecisionRef of(DecisionReference reference) {
        if (reference == null || reference.decisionId() == null) {
            return null;
        }
        var ref = new DecisionRef();
        ref.decisionId = reference.decisionId();
        ref.meetingId = reference.meetingId();
        ref.agendaItemId = reference.agendaItemId();
        ref.itemNumber = reference.itemNumber();
        return ref;
    }

    public static DecisionReference toReference(DecisionRef ref) {
        return ref == null || ref.decisionId == null ? null
                : new DecisionReference(ref.decisionId, ref.meetingId, ref.agendaItemId, ref.itemNumber);
    }
}
