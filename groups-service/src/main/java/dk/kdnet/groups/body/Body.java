package dk.kdnet.groups.body;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A body: KD-Net itself, a steering group, a working group, a board. */
@Entity
@Audited
public class Body extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public BodyKind kind;

    public String name;

    public String shortName;

    /** The body that set this one up ("set up by KD-Net"). */
    public UUID parentBodyId;

    /** The mandate (kommissorium) as text ... */
    public String mandateText;

    /** ... or as a reference to the document that holds it. */
    public String mandateDocument;

    public LocalDate validFrom;

    public LocalDate validTo;

    /** How many may chair at once (the mobility steering group shares the chair among three). */
    public int chairSeats = 1;

    /** How many vice-chairs at once (KOSU has two). */
    public int viceChairSeats = 1;

    @Version
    public long version;

    /** The number of seats of a role held at the same time; null when unlimited. */
    public Integer seats(BodyRole role) {
        return switch (role) {
            case CHAIR -> chairSeats;
            case VICE_CHAIR -> viceChairSeats;
            default -> null;
        };
    }
}
