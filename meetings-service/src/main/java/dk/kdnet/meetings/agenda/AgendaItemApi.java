package dk.kdnet.meetings.agenda;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the agenda API. */
public final class AgendaItemApi {

    private AgendaItemApi() {}

    @Schema(name = "AgendaItemRequest")
    public record ItemRequest(
            @NotBlank @Size(max = 300) @Schema(example = "GovTech Midtjylland") String title,
            @Size(max = 10) @Schema(example = "[\"Formand for KD-Net\", \"Næstformand for KD-Net\"]")
            List<@NotBlank @Size(max = 200) String> presenters,
            @Size(max = 4000) @Schema(example = "Ind- og udmeldelse af GovTech Midtjylland") String summary,
            @Size(max = 20) @Schema(description = "the recommendation (indstilling) in numbered parts, part 1 first",
                    example = "[\"at kommunerne melder ud, om de ønsker at udtræde af GovTech Midtjylland pr. 1. januar 2024\"]")
            List<@NotBlank @Size(max = 2000) String> recommendation,
            @Size(max = 100_000) @Schema(description = "Markdown", example = "GovTech Midtjylland har siden 2021 ...")
            String casePresentation,
            @Schema(description = "confidential: left out of anonymous views", example = "false") boolean closed,
            @Size(max = 300) @Schema(description = "why the item is closed, as the agenda states it; only with closed",
                    example = "Offentlighedslovens § 30, nr. 2 (forretningsforhold)") String closedReason,
            @Size(max = 60) @Schema(example = "00.01.10-A00-3-23") String caseNumber,
            @Schema(example = "APPROVE_MINUTES") StandardType standardType) {}

    @Schema(name = "AgendaOrder", description = "every item of the meeting, in the new order")
    public record ReorderRequest(@NotEmpty @Schema(example = "[\"40ee9d81-e043-3b59-8399-b1359b6375e6\", "
            + "\"7daecd07-59e2-3185-9cba-d86cfdc11753\", \"ee3ff233-78a1-3a3b-a0d5-d9ba7a3fbd83\"]")
            List<@NotNull UUID> itemIds) {}

    @Schema(name = "AgendaItem")
    public record ItemView(
            @Schema(required = true, example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID id,
            @Schema(required = true, example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(example = "57", description = "null until the agenda is published") Integer number,
            @Schema(example = "6") int position,
            @Schema(required = true, example = "GovTech Midtjylland") String title,
            @Schema(required = true) List<String> presenters,
            @Schema(example = "Ind- og udmeldelse af GovTech Midtjylland") String summary,
            @Schema(required = true) List<String> recommendation,
            @Schema(example = "GovTech Midtjylland har siden 2021 ...") String casePresentation,
            @Schema(example = "false") boolean closed,
            @Schema(example = "Offentlighedslovens § 30, nr. 2 (forretningsforhold)") String closedReason,
            @Schema(example = "00.01.10-A00-3-23") String caseNumber,
            StandardType standardType,
            @Schema(description = "the item this one was postponed from") UUID originItemId,
            @Schema(example = "2") long version) implements Versioned {}
}
