package dk.kdnet.meetings.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A meeting of a body (KD-Net itself or one of its groups). */
@Entity
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID bodyId;

    public String title;

    public OffsetDateTime startsAt;

    public OffsetDateTime endsAt;

    public String location;

    @Enumerated(EnumType.STRING)
    public MeetingStatus status;

    public String caseNumber;

    @Version
    public long version;
}
