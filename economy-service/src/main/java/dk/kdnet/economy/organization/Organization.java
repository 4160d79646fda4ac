package dk.kdnet.economy.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** Organizations' short names (else names), in one query. */
    public static Map<UUID, String> names(Collection<UUID> organizationIds) {
        var names = new HashMap<UUID, String>();
        if (!organizationIds.isEmpty()) {
            Organization.<Organization>list("id in ?1", organizationIds)
                    .forEach(o -> names.put(o.id, o.shortName != null ? o.shortName : o.name));
        }
        return names;
    }
}
