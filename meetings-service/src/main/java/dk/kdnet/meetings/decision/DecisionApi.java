package dk.kdnet.meetings.decision;

import dk.kdnet.web.RequiredWhen;
import dk.kdnet.web.Versioned;
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
            @Min(1) @Schema(required = true, example = "2",
                    description = "at most the number of parts of the item's recommendation")
            int part,
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
            + "collaborationId and date (of notice or joining); APPOINTMENT: personId and seat (the role), the seat's "
            + "first day as date (default the meeting's date), its last day as until (default open-ended), in bodyId "
            + "(default the deciding body); BUDGET_APPROVED: year (and budgetId when known; default the deciding "
            + "body's budget of that year)")
    @RequiredWhen(property = "kind", values = {"COLLABORATION_WITHDRAWAL", "COLLABORATION_JOIN"},
            required = {"organizationId", "collaborationId", "date"})
    @RequiredWhen(property = "kind", values = "APPOINTMENT", required = {"personId", "seat"})
    @RequiredWhen(property = "kind", values = "BUDGET_APPROVED", required = "year")
    public record Effect(
            @Schema(readOnly = true) UUID effectId,
            @NotNull @Schema(example = "COLLABORATION_WITHDRAWAL") EffectKind kind,
            @Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID collaborationId,
            @Schema(example = "2023-08-25") LocalDate date,
            @Schema(example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d", description = "APPOINTMENT: who is appointed")
            UUID personId,
            @Size(max = 200) @Schema(example = "CHAIR", description = "APPOINTMENT: the role of the seat: CHAIR, "
                    + "VICE_CHAIR, MEMBER, OBSERVER or SECRETARY") String seat,
            @Schema(example = "f3088e26-fb03-3bfa-8c2e-80f13c53c62f",
                    description = "APPOINTMENT: the body of the seat, when not the deciding body") UUID bodyId,
            @Schema(example = "2025-12-31",
                    description = "APPOINTMENT: the seat's last day; open-ended when null") LocalDate until,
            @Schema(description = "BUDGET_APPROVED: the budget, when known") UUID budgetId,
            @Schema(example = "2024") Integer year,
            @Size(max = 1000) @Schema(example = "Hedensted Kommune udtræder pr. 1. januar 2024") String reason) {}

    @Schema(name = "DecisionRequest")
    @RequiredWhen(property = "outcome", values = "POSTPONED", required = "postponedToMeetingId")
    public record DecisionRequest(
            @NotNull @Schema(example = "APPROVED") Outcome outcome,
            @Size(max = 20_000) @Schema(example = "KD-Net bakkede op om indstillingerne.") String text,
            @Size(max = 20) List<@NotNull @Valid PartOutcome> partOutcomes,
            @Size(max = 50) List<@NotNull @Valid FollowUp> followUps,
            @Size(max = 50) List<@NotNull @Valid Effect> effects,
            @Schema(description = "POSTPONED only (null for any other outcome): the meeting the item is carried to",
                    example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID postponedToMeetingId,
            @Schema(readOnly = true, description = "the decision's id as read, when sending a decision back; another "
                    + "id is refused: an id cannot be changed") UUID id) {}

    @Schema(name = "Decision")
    public record DecisionView(
            @Schema(required = true, example = "0892b79f-8979-39fd-8386-c88d3054dade") UUID id,
            @Schema(required = true, example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(required = true, example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(required = true, example = "APPROVED") Outcome outcome,
            @Schema(example = "KD-Net bakkede op om indstillingerne.") String text,
            @Schema(required = true) List<PartOutcome> partOutcomes,
            @Schema(required = true) List<FollowUp> followUps,
            @Schema(required = true) List<Effect> effects,
            UUID postponedToMeetingId,
            @Schema(description = "the item on the target meeting's agenda") UUID postponedItemId,
            @Schema(required = true, example = "2023-08-25T15:30:00+02:00") OffsetDateTime recordedAt,
            @Schema(example = "0") long version) implements Versioned {}
}
