package dk.kdnet.economy.membership;

import dk.kdnet.economy.financing.Roster;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** An organization's membership of a collaboration as groups-service last described it. */
@Entity
public class CollaborationMembership extends PanacheEntityBase {

    @Id
    public UUID membershipId;

    public UUID collaborationId;

    public UUID organizationId;

    public LocalDate joinedOn;

    public LocalDate noticeGiven;

    /** The first day it is no longer a member; null while no notice is in force. */
    public LocalDate effectiveExit;

    public Instant updatedAt;

    public static List<CollaborationMembership> ofCollaborations(Collection<UUID> collaborationIds) {
        return collaborationIds.isEmpty() ? List.of()
                : list("collaborationId in ?1 order by organizationId, joinedOn", collaborationIds);
    }

    /** What a calculation needs of a membership. */
    public record Term(UUID membershipId, UUID collaborationId, UUID organizationId, LocalDate joinedOn,
            LocalDate effectiveExit) {

        public Roster.Tenure tenure() {
            return new Roster.Tenure(membershipId.toString(), organizationId.toString(), joinedOn, effectiveExit);
        }
    }

    /** The terms of the collaborations' memberships: values, not entities, so loading them costs no dirty-checking. */
    public static List<Term> termsOf(Collection<UUID> collaborationIds) {
        return collaborationIds.isEmpty() ? List.of()
                : find("collaborationId in ?1", collaborationIds).project(Term.class).list();
    }
}
