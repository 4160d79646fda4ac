package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A population figure of an organization on a reference date (Danmarks Statistik, 1 January). */
public record PopulationRecorded(UUID organizationId, UUID figureId, LocalDate referenceDate, long count,
        String source) implements OrganizationEvent {

    public static final String TYPE = "dk.kdnet.groups.population-recorded.v1";

    @Override
    public String type() {
        return TYPE;
    }

    /** Keyed by organization, so its figures arrive in the order they were recorded. */
    @Override
    public String subject() {
        return organizationId.toString();
    }
}
