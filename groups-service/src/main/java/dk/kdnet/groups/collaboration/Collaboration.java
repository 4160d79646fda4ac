package dk.kdnet.groups.collaboration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** An inter-municipal collaboration (GovTech Midtjylland, ...) that organizations join and leave. */
@Entity
@Audited
public class Collaboration extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String shortName;

    public String purpose;

    public UUID hostOrganizationId;

    public LocalDate validFrom;

    public LocalDate validTo;

    @Version
    public long version;
}
