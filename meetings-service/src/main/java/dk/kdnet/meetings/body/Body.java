package dk.kdnet.meetings.body;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;

/** Read model of a body as groups-service publishes it. */
@Entity
public class Body extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    public String name;

    public String shortName;

    public UUID parentBodyId;

    public LocalDate validFrom;

    public LocalDate validTo;
}
