package dk.kdnet.economy.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A population figure as groups-service recorded it; charges use the one on the scheme's reference date. */
@Entity
@IdClass(Population.Key.class)
public class Population extends PanacheEntityBase {

    @Id
    public UUID organizationId;

    @Id
    public LocalDate referenceDate;

    public long count;

    public String source;

    public record Key(UUID organizationId, LocalDate referenceDate) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<Population> of(UUID organizationId) {
        return list("organizationId = ?1 order by referenceDate", organizationId);
    }
}
