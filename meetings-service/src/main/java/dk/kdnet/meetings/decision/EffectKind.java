package dk.kdnet.meetings.decision;

/** Consequences of a decision that other services carry out (groups-service, economy-service). */
public enum EffectKind {
    COLLABORATION_WITHDRAWAL, COLLABORATION_JOIN, APPOINTMENT, BUDGET_APPROVED
}
