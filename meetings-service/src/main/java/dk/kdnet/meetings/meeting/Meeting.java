package dk.kdnet.meetings.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** A meeting of a body (KD-Net itself or one of its groups). */
@Entity
@Audited
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID bodyId;

    public String title;

    @Enumerated(EnumType.STRING)
    public MeetingKind kind;

    public OffsetDateTime startsAt;

    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    public LocationKind locationKind;

    public String place;

    public String platform;

    @Enumerated(EnumType.STRING)
    public MeetingStatus status;

    public String caseNumber;

    public String numberingPeriod;

    public String cancelReason;

    /** The iCalendar SEQUENCE: raised on every change a subscribed calendar must show. */
    public int calendarSequence;

    @Version
    public long version;

    public LocalDate date() {
        return Copenhagen.date(startsAt);
    }

    public void apply(MeetingAction action) {
        status = action.apply(status);
    }
}
