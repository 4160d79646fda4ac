package dk.kdnet.events.groups;

import dk.kdnet.events.DecisionReference;
import java.time.LocalDate;
import java.util.UUID;

/** A new version of a collaboration's membership terms applies to notices given from {@code validFrom}. {@code decision} names the meeting decision that adopted it, or is null. */
public record CollaborationTermsChanged(UUID collaborationId, UUID termsId, String version, LocalDate validFrom,
        int noticeMonths, String budgetMode, DecisionReference decision) implements CollaborationEvent {

    public static final String TYPE = "dk.kdnet.groups.collaboration-terms-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return collaborationId.toString();
    }
}
