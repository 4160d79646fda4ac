package dk.kdnet.meetings.decision;

import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.meetings.decision.DecisionApi.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each kind of effect must name, so the service that acts on it has all it needs; and that some service acts on
 * it at all.
 */
public final class EffectRules {

    /** An effect's field breaks what its kind needs; the field is named as in the request ({@code effects[0].date}). */
    public record Violation(String field, String message) {}

    /** The roles of a seat in a body, as groups-service knows them (its BodyRole). */
    static final List<String> SEAT_ROLES = List.of("CHAIR", "VICE_CHAIR", "MEMBER", "OBSERVER", "SECRETARY");

    private EffectRules() {}

    public static List<Violation> check(List<Effect> effects) {
        return check(effects, DecisionEffect.CARRIED_OUT_BY.keySet());
    }

    /**
     * As {@link #check(List)}, with the kinds some service carries out: an effect of another kind would be stored and
     * published for nobody to act on, so it is refused.
     */
    static List<Violation> check(List<Effect> effects, Set<String> carriedOut) {
        var errors = new ArrayList<Violation>();
        for (var i = 0; i < effects.size(); i++) {
            var effect = effects.get(i);
            var at = "effects[" + i + "].";
            if (!carriedOut.contains(effect.kind().name())) {
                errors.add(new Violation(at + "kind", "no service carries out " + effect.kind() + " effects"));
                continue;
            }
            switch (effect.kind()) {
                case COLLABORATION_WITHDRAWAL, COLLABORATION_JOIN -> {
                    require(effect.organizationId() != null, at + "organizationId", "names the organization", errors);
                    require(effect.collaborationId() != null, at + "collaborationId", "names the collaboration", errors);
                    require(effect.date() != null, at + "date",
                            effect.kind() == EffectKind.COLLABORATION_JOIN ? "names the join date"
                                    : "names the date notice was given", errors);
                }
                case APPOINTMENT -> {
                    require(effect.personId() != null, at + "personId", "names the person appointed", errors);
                    if (effect.seat() == null || effect.seat().isBlank()) {
                        require(false, at + "seat", "names the seat", errors);
                    } else {
                        require(SEAT_ROLES.contains(effect.seat()), at + "seat",
                                "names the seat by its role, one of " + SEAT_ROLES, errors);
                    }
                    require(effect.until() == null || effect.date() == null || !effect.until().isBefore(effect.date()),
                            at + "until", "ends the seat no earlier than it begins (date)", errors);
                }
                case BUDGET_APPROVED -> require(effect.year() != null, at + "year", "names the budget year", errors);
            }
        }
        return errors;
    }

    private static void require(boolean ok, String field, String message, List<Violation> errors) {
        if (!ok) {
            errors.add(new Violation(field, "this kind of effect " + message));
        }
    }
}
