package dk.kdnet.groups.collaboration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

/** An organization's membership of a collaboration, from joining to its effective exit. */
@Entity
@Audited
public class CollaborationMembership extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID collaborationId;

    public UUID organizationId;

    public LocalDate joinedOn;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "decisionId", column = @Column(name = "join_decision_id")),
        @AttributeOverride(name = "meetingId", column = @Column(name = "join_meeting_id")),
        @AttributeOverride(name = "agendaItemId", column = @Column(name = "join_agenda_item_id")),
        @AttributeOverride(name = "itemNumber", column = @Column(name = "join_item_number"))})
    public DecisionRef joinDecision;

    public LocalDate noticeGivenOn;

    /** First day no longer a member; null while no notice is pending. */
    public LocalDate effectiveExit;

    /** The terms version the exit was computed from. */
    public UUID termsId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "decisionId", column = @Column(name = "withdrawal_decision_id")),
        @AttributeOverride(name = "meetingId", column = @Column(name = "withdrawal_meeting_id")),
        @AttributeOverride(name = "agendaItemId", column = @Column(name = "withdrawal_agenda_item_id")),
        @AttributeOverride(name = "itemNumber", column = @Column(name = "withdrawal_item_number"))})
    public DecisionRef withdrawalDecision;

    public String withdrawalReason;

    @Version
    public long version;

    public MembershipStatus statusOn(LocalDate on) {
        if (on.isBefore(joinedOn)) {
            return MembershipStatus.PENDING;
        }
        if (effectiveExit != null && !on.isBefore(effectiveExit)) {
            return MembershipStatus.EXITED;
        }
        return noticeGivenOn != null && !on.isBefore(noticeGivenOn) ? MembershipStatus.NOTICE_GIVEN
                : MembershipStatus.ACTIVE;
    }

    /** Members on a date: joined on or before it, not yet exited. */
    public static List<CollaborationMembership> inForce(UUID collaborationId, LocalDate on) {
        return list("collaborationId = ?1 and joinedOn <= ?2 and (effectiveExit is null or effectiveExit > ?2) "
                + "order by joinedOn, organizationId", collaborationId, on);
    }

    public static List<CollaborationMembership> all(UUID collaborationId) {
        return list("collaborationId = ?1 order by joinedOn, organizationId", collaborationId);
    }

    /** The organization's most recent membership of the collaboration. */
    public static Optional<CollaborationMembership> latest(UUID collaborationId, UUID organizationId) {
        return find("collaborationId = ?1 and organizationId = ?2 order by joinedOn desc", collaborationId,
                organizationId).firstResultOptional();
    }
}
