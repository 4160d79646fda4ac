package dk.kdnet.groups.collaboration;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.rules.RuleException;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;

/**
 * An organization's membership of a collaboration, from joining to its effective exit. Its state changes only through
 * {@link #joining}, {@link #giveNotice} and {@link #revokeNotice}, which keep it whole: a notice has its exit, terms
 * and decision, or there is none of them.
 */
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

    /** A new membership from {@code joinedOn}, made by {@code decision} when a decision made it. */
    public static CollaborationMembership joining(UUID collaborationId, UUID organizationId, LocalDate joinedOn,
            DecisionReference decision) {
        var membership = new CollaborationMembership();
        membership.id = UUID.randomUUID();
        membership.collaborationId = collaborationId;
        membership.organizationId = organizationId;
        membership.joinedOn = joinedOn;
        membership.joinDecision = DecisionRef.of(decision);
        return membership;
    }

    /** Whether the membership has ended by {@code day}: a new one may start then. */
    public boolean exitedBy(LocalDate day) {
        return effectiveExit != null && !effectiveExit.isAfter(day);
    }

    /**
     * The member gives notice on {@code noticeGiven}; its exit follows from the terms version of {@code versions} in
     * force on that date, which is returned. A second notice while one is pending is a conflict; a notice before
     * joining or without terms in force breaks a rule.
     */
    public CollaborationTerms giveNotice(LocalDate noticeGiven, List<CollaborationTerms> versions,
            DecisionReference decision, String reason) {
        if (noticeGivenOn != null) {
            throw RuleException.conflict("organization " + organizationId + " gave notice on " + noticeGivenOn
                    + " already; it exits on " + effectiveExit,
                    Map.of("membershipId", id, "effectiveExit", effectiveExit.toString()));
        }
        if (noticeGiven.isBefore(joinedOn)) {
            throw RuleException.broken("noticeGiven", "notice on " + noticeGiven + " is before the member joined on "
                    + joinedOn);
        }
        var terms = MembershipTerms.inForce(versions, t -> t.validFrom, noticeGiven)
                .orElseThrow(() -> RuleException.broken("noticeGiven", "collaboration " + collaborationId
                        + " has no membership terms in force on " + noticeGiven));
        noticeGivenOn = noticeGiven;
        effectiveExit = terms.rules().effectiveExit(noticeGiven);
        termsId = terms.id;
        withdrawalDecision = DecisionRef.of(decision);
        withdrawalReason = reason;
        return terms;
    }

    /**
     * Withdraws the pending notice before it takes effect, on {@code revokedOn}: the member stays, with no exit.
     * Answers the exit it cancelled. Without a pending notice it is a conflict; on or after the exit it breaks a rule.
     */
    public LocalDate revokeNotice(LocalDate revokedOn) {
        if (noticeGivenOn == null) {
            throw RuleException.conflict("organization " + organizationId + " has no pending notice in collaboration "
                    + collaborationId);
        }
        if (!revokedOn.isBefore(effectiveExit)) {
            throw RuleException.broken("revokedOn", "the withdrawal took effect on " + effectiveExit
                    + "; it can only be revoked before");
        }
        var cancelledExit = effectiveExit;
        noticeGivenOn = null;
        effectiveExit = null;
        termsId = null;
        withdrawalDecision = null;
        withdrawalReason = null;
        return cancelledExit;
    }

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
