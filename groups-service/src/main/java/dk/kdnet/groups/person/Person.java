package dk.kdnet.groups.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A person who sits in bodies or works in a secretariat. Personal data kept minimal and erasable. */
@Entity
@Audited
public class Person extends PanacheEntityBase {

    /** What an erased person is shown as, here and in events. */
    public static final String ERASED_NAME = "erased person";

    @Id
    public UUID id;

    public String name;

    public String title;

    public UUID employerOrganizationId;

    public String email;

    /** When the personal data was erased (GDPR); null while it is kept. */
    public Instant erasedAt;

    @Version
    public long version;

    public boolean erased() {
        return erasedAt != null;
    }
}
