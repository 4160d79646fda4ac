package dk.kdnet.events.meetings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A structured consequence of a decision that another service carries out. Which fields are set
 * depends on the kind: COLLABORATION_WITHDRAWAL and COLLABORATION_JOIN name the organization, the
 * collaboration and the notice or join date; APPOINTMENT names the person and the seat;
 * BUDGET_APPROVED names the budget and its year.
 */
public record DecisionEffect(UUID effectId, String kind, UUID organizationId, UUID collaborationId, LocalDate date,
        UUID personId, String seat, UUID budgetId, Integer year, String reason) {

    public static final String COLLABORATION_WITHDRAWAL = "COLLABORATION_WITHDRAWAL";
    public static final String COLLABORATION_JOIN = "COLLABORATION_JOIN";
    public static final String APPOINTMENT = "APPOINTMENT";
    public static final String BUDGET_APPROVED = "BUDGET_APPROVED";
}
