package dk.kdnet.meetings.decision;

import dk.kdnet.problems.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the decision API; the parts are stored as they are given. */
public final class DecisionApi {

    private DecisionApi() {}

    @Schema(name = "PartOutcome", description = "the outcome of one numbered part of the recommendation")
    public record PartOutcome(
            @Min(1) @Schema(example = "2") int part,
            @NotNull @Schema(example = "POSTPONED") Outcome outcome,
            @Size(max = 1000) @Schema(example = "kvalitativ analyse udsat til efteråret") String note) {}

    public enum FollowUpStatus {
        OPEN, DONE, CANCELLED
    }

    @Schema(name = "FollowUp")
    public record FollowUp(
            @NotBlank @Size(max = 1000) @Schema(example = "Spørgsmål sendes skriftligt til formanden") String what,
            @Size(max = 200) @Schema(example = "Kommunerne") String who,
            @Schema(example = "2023-10-02") LocalDate due,
            @Schema(example = "OPEN") FollowUpStatus status) {}

    @Schema(name = "DecisionEffect", description = "COLLABORATION_WITHDRAWAL/COLLABORATION_JOIN: organizationId, "
            + "collaborationId and date (of notice or joining); APPOINTMENT: personId and seat; BUDGET_APPROVED: year "
            + "(and budgetId when known)")
    public record Effect(
            @Schema(readOnly = true) UUID effectId,
            @NotNull @Schema(example = "COLLABORATION_WITHDRAWAL") EffectKind kind,
            @Schema(example = "8b1d2f2e-7e6a-3c1e-9d43-4c7b5b0f9c21") UUID organizationId,
            @Schema(example = "2f0c6c4e-1c4b-3a43-8b2d-1e6a8e7c5d90") UUID collaborationId,
            @Schema(example = "2023-08-25") LocalDate date,
            UUID personId,
            @Size(max = 200) String seat,
            UUID budgetId,
            @Schema(example = "2024") Integer year,
            @Size(max = 1000) @Schema(example = "Hedensted Kommune udtræder pr. 1. januar 2024") String reason) {}

    @Schema(name = "DecisionRequest")
    public record DecisionRequest(
            @NotNull @Schema(example = "APPROVED") Outcome outcome,
            @Size(max = 20_000) @Schema(example = "KD-Net bakkede op om indstillingerne.") String text,
            @Size(max = 20) List<@NotNull @Valid PartOutcome> partOutcomes,
            @Size(max = 50) List<@NotNull @Valid FollowUp> followUps,
            @Size(max = 50) List<@NotNull @Valid Effect> effects,
            @Schema(description = "POSTPONED only: the meeting the item is carried to") UUID postponedToMeetingId) {}

    @Schema(name = "Decision")
    public record DecisionView(
            UUID id,
            UUID agendaItemId,
            UUID meetingId,
            @Schema(example = "APPROVED") Outcome outcome,
            String text,
            List<PartOutcome> partOutcomes,
            List<FollowUp> followUps,
            List<Effect> effects,
            UUID postponedToMeetingId,
            @Schema(description = "the item on the target meeting's agenda") UUID postponedItemId,
            OffsetDateTime recordedAt,
            long version) implements Versioned {}
}
