package dk.kdnet.groups.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A population count on a reference date, as published by its source (Danmarks Statistik). */
@Entity
public class PopulationFigure extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID organizationId;

    public LocalDate referenceDate;

    public long count;

    public String source;

    public static List<PopulationFigure> of(UUID organizationId) {
        return list("organizationId = ?1 order by referenceDate", organizationId);
    }

    /** The figure in force on a date: the latest one whose reference date is not after it. */
    public static Optional<PopulationFigure> inForce(UUID organizationId, LocalDate on) {
        return find("organizationId = ?1 and referenceDate <= ?2 order by referenceDate desc", organizationId, on)
                .firstResultOptional();
    }

    public static boolean exists(UUID organizationId, LocalDate referenceDate) {
        return count("organizationId = ?1 and referenceDate = ?2", organizationId, referenceDate) > 0;
    }
}
