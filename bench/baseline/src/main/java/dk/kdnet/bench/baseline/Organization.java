package dk.kdnet.bench.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** groups-service's organization table, read as it is. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    public String name;

    public String shortName;

    public String municipalityCode;

    public String cvr;

    public String ean;
}
