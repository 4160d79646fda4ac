package dk.kdnet.economy.membership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** An organization's membership of a collaboration as groups-service last described it. */
@Entity
@IdClass(CollaborationMembership.Key.class)
public class CollaborationMembership extends PanacheEntityBase {

    @Id
    public UUID collaborationId;

    @Id
    public UUID organizationId;

    public UUID membershipId;

    public LocalDate joinedOn;

    public LocalDate noticeGiven;

    /** The first day it is no longer a member; null while no notice is in force. */
    public LocalDate effectiveExit;

    public Instant updatedAt;

    public record Key(UUID collaborationId, UUID organizationId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<CollaborationMembership> ofCollaborations(Collection<UUID> collaborationIds) {
        return collaborationIds.isEmpty() ? List.of() : list("collaborationId in ?1", collaborationIds);
    }

    /** What a calculation needs of a membership. */
    public record Term(UUID collaborationId, UUID organizationId, LocalDate joinedOn, LocalDate effectiveExit) {}

    /** The terms of the collaborations' memberships: values, not entities, so loading them costs no dirty-checking. */
    public static List<Term> termsOf(Collection<UUID> collaborationIds) {
        return collaborationIds.isEmpty() ? List.of()
                : find("collaborationId in ?1", collaborationIds).project(Term.class).list();
    }
}
