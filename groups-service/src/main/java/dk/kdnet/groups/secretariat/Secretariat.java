package dk.kdnet.groups.secretariat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A shared secretariat, hosted (and its staff employed) by a municipality. */
@Entity
@Audited
public class Secretariat extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public UUID hostOrganizationId;

    /** Full-time equivalents (årsværk). */
    public BigDecimal fte;

    public UUID[] servedBodyIds = new UUID[0];

    /** The body it answers to professionally, when it is a body ... */
    public UUID reportsToBodyId;

    /** ... and in words, e.g. "the chair of KD-Net". */
    public String reportsTo;

    public LocalDate validFrom;

    public LocalDate validTo;

    @Version
    public long version;
}
