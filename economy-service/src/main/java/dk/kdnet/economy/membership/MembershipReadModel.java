package dk.kdnet.economy.membership;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads of the collaboration memberships economy-service knows from groups-service. */
@ApplicationScoped
public class MembershipReadModel {

    /** A collaboration's memberships, each organization's in the order they began. */
    public List<CollaborationMembership> of(UUID collaborationId) {
        return CollaborationMembership.ofCollaborations(List.of(collaborationId));
    }
}
