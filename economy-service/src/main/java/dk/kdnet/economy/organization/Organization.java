package dk.kdnet.economy.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** An organization as groups-service last described it. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    public String name;

    public String shortName;

    public String municipalityCode;
}
