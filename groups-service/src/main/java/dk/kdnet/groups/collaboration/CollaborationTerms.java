package dk.kdnet.groups.collaboration;

import dk.kdnet.groups.collaboration.MembershipTerms.NoticeCountedFrom;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * One version of a collaboration's membership terms, as data. A version applies to notices given from
 * its valid-from until the next version's; a new decision adds a version rather than editing one.
 */
@Entity
@Audited
public class CollaborationTerms extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID collaborationId;

    /** A human label, e.g. {@code 2023-08-25} or {@code 2023-06-02-draft}. */
    @Column(name = "terms_version")
    public String version;

    public LocalDate validFrom;

    public String description;

    public int noticeMonths;

    @Enumerated(EnumType.STRING)
    public NoticeCountedFrom noticeCountedFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TransitionalRule> transitionalRules = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public BudgetMode budgetMode;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "decisionId", column = @Column(name = "decision_id")),
        @AttributeOverride(name = "meetingId", column = @Column(name = "meeting_id")),
        @AttributeOverride(name = "agendaItemId", column = @Column(name = "agenda_item_id")),
        @AttributeOverride(name = "itemNumber", column = @Column(name = "item_number"))})
    public DecisionRef decision;

    public MembershipTerms rules() {
        return new MembershipTerms(noticeMonths, noticeCountedFrom, transitionalRules);
    }

    public static List<CollaborationTerms> of(UUID collaborationId) {
        return list("collaborationId = ?1 order by validFrom", collaborationId);
    }
}
