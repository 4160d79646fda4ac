package dk.kdnet.economy.organization;

import java.time.LocalDate;
import java.util.UUID;

/** groups-service recorded a population figure, fired in the transaction that stored it. */
public record PopulationChanged(UUID organizationId, LocalDate referenceDate, UUID eventId, String eventType) {}
