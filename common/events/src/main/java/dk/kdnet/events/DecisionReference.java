package dk.kdnet.events;

import java.util.UUID;

/** The meeting decision behind a change, so every consequence can be traced back to the item that caused it. */
public record DecisionReference(UUID decisionId, UUID meetingId, UUID agendaItemId, Integer itemNumber) {}
