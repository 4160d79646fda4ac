package dk.kdnet.meetings.numbering;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/** The numbering policy a body chose; a body without one numbers PER_MEETING. */
@Entity
public class BodyNumbering extends PanacheEntityBase {

    @Id
    public UUID bodyId;

    @Enumerated(EnumType.STRING)
    public NumberingPolicy policy;

    @Version
    public long version;
}
