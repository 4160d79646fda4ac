package dk.kdnet.events.groups;

import dk.kdnet.events.DecisionReference;
import java.time.LocalDate;
import java.util.UUID;

/** A member gave notice; it stays a member, and pays, until {@code effectiveExit} (first day no longer a member), computed from the terms version in force on the notice date. {@code decision} is null for a notice given in writing. */
public record CollaborationMemberWithdrew(UUID collaborationId, UUID organizationId, UUID membershipId,
        LocalDate noticeGiven, LocalDate effectiveExit, UUID termsId, String termsVersion, DecisionReference decision,
        String reason) implements CollaborationMembershipEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-member-withdrew.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
