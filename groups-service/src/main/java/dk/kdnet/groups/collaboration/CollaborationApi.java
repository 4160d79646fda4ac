package dk.kdnet.groups.collaboration;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.groups.collaboration.MembershipTerms.NoticeCountedFrom;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the collaboration API. */
public final class CollaborationApi {

    private CollaborationApi() {}

    /** A request that may name the meeting decision behind it. */
    public interface Decided {
        UUID decisionId();

        UUID meetingId();

        UUID agendaItemId();

        Integer itemNumber();

        default DecisionReference decision() {
            return decisionId() == null ? null
                    : new DecisionReference(decisionId(), meetingId(), agendaItemId(), itemNumber());
        }
    }

    @Schema(name = "CollaborationRequest")
    public record CollaborationRequest(
            @NotBlank @Size(max = 200) @Schema(example = "GovTech Midtjylland") String name,
            @Size(max = 60) @Schema(example = "GTM") String shortName,
            @Size(max = 4000) @Schema(example = "Shared development and spread of technology in municipal services")
            String purpose,
            @Schema(example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139",
            description = "host organization (Aarhus Kommune)")
            UUID hostOrganizationId,
            @Schema(example = "2021-01-01") LocalDate validFrom,
            @Schema(example = "2023-12-31", description = "not before validFrom") LocalDate validTo) {}

    @Schema(name = "Collaboration")
    public record CollaborationView(
            @Schema(required = true, example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID id,
            @Schema(required = true, example = "GovTech Midtjylland") String name,
            @Schema(example = "GTM") String shortName,
            @Schema(example = "Shared development and spread of technology in municipal services") String purpose,
            @Schema(example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") UUID hostOrganizationId,
            @Schema(example = "2021-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31") LocalDate validTo,
            @Schema(example = "0") long version) implements Versioned {}

    @Schema(name = "TermsRequest", description = "A new version of a collaboration's membership terms")
    public record TermsRequest(
            @NotBlank @Size(max = 60) @Schema(example = "2023-08-25") String version,
            @NotNull @Schema(example = "2023-08-25", description = "applies to notices given from this date")
            LocalDate validFrom,
            @Size(max = 4000) @Schema(example = "Membership continues for the month of notice and 12 further months")
            String description,
            @NotNull @PositiveOrZero @Max(120) @Schema(example = "12") Integer noticeMonths,
            @NotNull @Schema(example = "MONTH_OF_NOTICE") NoticeCountedFrom noticeCountedFrom,
            @Schema(description = "dated exceptions, e.g. notice on or before 2023-08-25 takes effect 2024-01-01")
            List<@NotNull TransitionalRule> transitionalRules,
            @NotNull @Schema(example = "VARIABLE") BudgetMode budgetMode,
            @Schema(example = "0892b79f-8979-39fd-8386-c88d3054dade") UUID decisionId,
            @Schema(example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(example = "57") Integer itemNumber) implements Decided {}

    @Schema(name = "Terms")
    public record TermsView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID collaborationId,
            @Schema(required = true, example = "2023-08-25") String version,
            @Schema(required = true, example = "2023-08-25") LocalDate validFrom,
            @Schema(example = "Membership continues for the month of notice and 12 further months") String description,
            @Schema(example = "12") int noticeMonths,
            @Schema(required = true, example = "MONTH_OF_NOTICE") NoticeCountedFrom noticeCountedFrom,
            @Schema(required = true) List<TransitionalRule> transitionalRules,
            @Schema(required = true, example = "VARIABLE") BudgetMode budgetMode,
            DecisionReference decision) {}

    @Schema(name = "JoinRequest")
    public record JoinRequest(
            @NotNull @Schema(example = "5ccafa04-a793-3018-b448-15ed83e08abf") UUID organizationId,
            @NotNull @Schema(example = "2024-03-13") LocalDate joinedOn,
            @Schema(example = "0892b79f-8979-39fd-8386-c88d3054dade", description = "the decision behind the join")
            UUID decisionId,
            @Schema(example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(example = "57") Integer itemNumber) implements Decided {}

    @Schema(name = "WithdrawalRequest")
    public record WithdrawalRequest(
            @NotNull @Schema(example = "2023-08-25") LocalDate noticeGiven,
            @Schema(example = "0892b79f-8979-39fd-8386-c88d3054dade") UUID decisionId,
            @Schema(example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(example = "57") Integer itemNumber,
            @Size(max = 2000) @Schema(example = "announced at the KD-Net meeting of 25 Aug 2023") String reason)
            implements Decided {}

    @Schema(name = "RevocationRequest")
    public record RevocationRequest(
            @Schema(example = "2024-02-01", description = "the day the notice is withdrawn; today when absent")
            LocalDate revokedOn) {}

    @Schema(name = "CollaborationMembership")
    public record MembershipView(
            @Schema(required = true) UUID id,
            @Schema(required = true, example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID collaborationId,
            @Schema(required = true, example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(required = true, example = "Hedensted Kommune") String organizationName,
            @Schema(required = true, example = "2021-01-01") LocalDate joinedOn,
            DecisionReference joinDecision,
            @Schema(example = "2023-08-25") LocalDate noticeGivenOn,
            @Schema(example = "2024-01-01") LocalDate effectiveExit,
            @Schema(required = true, example = "NOTICE_GIVEN") MembershipStatus status,
            @Schema(required = true, example = "2023-12-31",
            description = "the date the status is for") LocalDate statusOn,
            UUID termsId,
            @Schema(example = "2023-08-25") String termsVersion,
            DecisionReference withdrawalDecision,
            @Schema(example = "announced at the KD-Net meeting of 25 Aug 2023") String reason,
            @Schema(example = "1") long version) implements Versioned {}
}
