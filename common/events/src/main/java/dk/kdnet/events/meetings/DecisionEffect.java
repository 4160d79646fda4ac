package dk.kdnet.events.meetings;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A structured consequence of a decision that another service carries out. Which fields are set
 * depends on the kind: COLLABORATION_WITHDRAWAL and COLLABORATION_JOIN name the organization, the
 * collaboration and the notice or join date; APPOINTMENT names the person and the seat's role, and may name the
 * body (when not the deciding body), the seat's first day ({@code date}; else the meeting's date) and its last day
 * ({@code until}); BUDGET_APPROVED names the year and may name the budget (else the deciding body's budget of that year).
 */
public record DecisionEffect(UUID effectId, String kind, UUID organizationId, UUID collaborationId, LocalDate date,
        UUID personId, String seat, UUID bodyId, LocalDate until, UUID budgetId, Integer year, String reason) {

    public static final String COLLABORATION_WITHDRAWAL = "COLLABORATION_WITHDRAWAL";
    public static final String COLLABORATION_JOIN = "COLLABORATION_JOIN";
    public static final String APPOINTMENT = "APPOINTMENT";
    public static final String BUDGET_APPROVED = "BUDGET_APPROVED";

    /**
     * The service that carries out each kind of effect. meetings-service refuses to record an effect of a kind that
     * is not here; each consumer's tests check that it carries out exactly the kinds named for it.
     */
    public static final Map<String, String> CARRIED_OUT_BY = Map.of(
            COLLABORATION_WITHDRAWAL, "groups-service",
            COLLABORATION_JOIN, "groups-service",
            APPOINTMENT, "groups-service",
            BUDGET_APPROVED, "economy-service");

    /** The kinds {@code service} carries out. */
    public static Set<String> carriedOutBy(String service) {
        return CARRIED_OUT_BY.entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
