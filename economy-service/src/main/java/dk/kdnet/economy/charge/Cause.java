package dk.kdnet.economy.charge;

import dk.kdnet.events.DecisionReference;
import java.util.UUID;

/**
 * What made a recalculation happen: the event (id and type; no id for a change made through the API) and the
 * meeting decision behind it, when there is one.
 */
public record Cause(UUID eventId, String eventType, DecisionReference decision) {

    public static final String SCHEME_APPROVED = "dk.kdnet.economy.scheme-approved.v1";
    public static final String SCHEME_CHANGED = "dk.kdnet.economy.scheme-changed.v1";

    public static Cause schemeApproved(DecisionReference decision) {
        return new Cause(null, SCHEME_APPROVED, decision);
    }

    public static Cause schemeChanged() {
        return new Cause(null, SCHEME_CHANGED, null);
    }
}
