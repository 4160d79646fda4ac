package dk.kdnet.meetings.agenda;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** An item on a meeting's agenda. Its number is null until the agenda is published, then frozen. */
@Entity
@Audited
public class AgendaItem extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID meetingId;

    public Integer number;

    public int position;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> presenters = new ArrayList<>();

    public String summary;

    /** The recommendation (indstilling) in numbered parts: part 1 is the first element. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recommendation = new ArrayList<>();

    /** Markdown. */
    public String casePresentation;

    /** Confidential: left out of anonymous views, search and documents. */
    public boolean closed;

    /** Why the item is closed, as the agenda states it; filed with its documents. */
    public String closedReason;

    public String caseNumber;

    @Enumerated(EnumType.STRING)
    public StandardType standardType;

    public UUID originItemId;

    @Version
    public long version;

    public static List<AgendaItem> ofMeeting(UUID meetingId) {
        return find("meetingId", Sort.by("position"), meetingId).list();
    }
}
