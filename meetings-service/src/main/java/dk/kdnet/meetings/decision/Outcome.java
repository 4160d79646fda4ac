package dk.kdnet.meetings.decision;

public enum Outcome {
    APPROVED, NOTED, DISCUSSED, POSTPONED, REJECTED, REFERRED
}
