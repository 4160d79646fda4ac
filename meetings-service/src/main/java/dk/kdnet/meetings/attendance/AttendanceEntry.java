package dk.kdnet.meetings.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** An apology, a substitute (who for whom) or a guest at a meeting. */
@Entity
@Table(name = "attendance")
public class AttendanceEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    public AttendanceKind kind;

    public UUID personId;

    public String displayName;

    /** SUBSTITUTE: the member stood in for. */
    public UUID forPersonId;

    public UUID organizationId;

    public String note;

    @Version
    public long version;
}
