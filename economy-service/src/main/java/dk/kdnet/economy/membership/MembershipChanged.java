package dk.kdnet.economy.membership;

import dk.kdnet.events.DecisionReference;
import java.util.UUID;

/** A collaboration's memberships changed by a groups-service event, fired in the transaction that recorded it. */
public record MembershipChanged(UUID collaborationId, UUID eventId, String eventType, DecisionReference decision) {}
