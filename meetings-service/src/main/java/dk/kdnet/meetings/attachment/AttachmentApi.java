package dk.kdnet.meetings.attachment;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the attachment API. */
public final class AttachmentApi {

    private AttachmentApi() {}

    @Schema(name = "EsdhReferenceRequest", description = "a document in an ESDH (case management) system")
    public record EsdhReferenceRequest(
            @NotBlank @Size(max = 60) @Schema(example = "SBSYS") String system,
            @NotBlank @Size(max = 200) @Schema(example = "2023-123456") String documentId,
            @NotBlank @Size(max = 300) @Schema(example = "Bilag 9 - Budgetforslag 2024 (GovTech Midtjylland)") String title,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(example = "https://esdh.randers.dk/dokument/2023-123456") String url) {}

    @Schema(name = "Attachment")
    public record AttachmentView(
            @Schema(required = true, example = "5b8e0f9e-2c1d-4e7a-9f3b-6a2d8c4e1f07") UUID id,
            @Schema(required = true, example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(required = true, example = "FILE") AttachmentKind kind,
            @Schema(required = true, example = "Bilag 9 - Budgetforslag 2024 (GovTech Midtjylland)") String title,
            String esdhSystem,
            String esdhDocumentId,
            String url,
            @Schema(example = "budgetforslag-2024.pdf") String fileName,
            @Schema(example = "application/pdf") String mediaType,
            @Schema(example = "48213") Long sizeBytes,
            @Schema(description = "hex SHA-256 of the file",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(required = true, example = "2023-08-18T09:12:00+02:00") OffsetDateTime addedAt,
            @Schema(description = "where to download an uploaded file",
                    example = "/api/meetings/attachments/5b8e0f9e-2c1d-4e7a-9f3b-6a2d8c4e1f07/content")
            String contentUrl,
            @Schema(example = "0") long version) implements Versioned {}
}
