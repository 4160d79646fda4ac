package dk.kdnet.meetings.agenda;

import dk.kdnet.meetings.numbering.NumberingPolicy;
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

    /**
     * The version of a body's numbering while it has chosen none: not a stored version, so a client that read
     * the default cannot mistake it for the first stored choice (version 0).
     */
    public static final long UNSET = -1;

    @Id
    public UUID bodyId;

    @Enumerated(EnumType.STRING)
    public NumberingPolicy policy;

    @Version
    public long version;

    /** What a body without a stored choice numbers by. */
    static BodyNumbering unset(UUID bodyId) {
        var numbering = new BodyNumbering();
        numbering.bodyId = bodyId;
        numbering.policy = NumberingPolicy.PER_MEETING;
        numbering.version = UNSET;
        return numbering;
    }
}
