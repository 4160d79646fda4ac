package dk.kdnet.events.groups;

import java.time.LocalDate;
import java.util.UUID;

/** A notice was withdrawn before it took effect: the member stays, with no exit date. */
public record CollaborationWithdrawalRevoked(UUID collaborationId, UUID organizationId, UUID membershipId,
        LocalDate revokedOn, LocalDate cancelledExit) implements CollaborationMembershipEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-withdrawal-revoked.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
