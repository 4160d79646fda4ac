package dk.kdnet.meetings.decision;

import dk.kdnet.meetings.decision.DecisionApi.Effect;
import dk.kdnet.meetings.decision.DecisionApi.FollowUp;
import dk.kdnet.meetings.decision.DecisionApi.PartOutcome;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** The decision on one agenda item; recording it again replaces it (the history keeps each version). */
@Entity
@Audited
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID agendaItemId;

    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<PartOutcome> partOutcomes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<FollowUp> followUps = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Effect> effects = new ArrayList<>();

    public UUID postponedToMeetingId;

    public UUID postponedItemId;

    public OffsetDateTime recordedAt;

    @Version
    public long version;

    public static Optional<Decision> onItem(UUID agendaItemId) {
        return find("agendaItemId", agendaItemId).firstResultOptional();
    }
}
