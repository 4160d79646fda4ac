package dk.kdnet.groups.person;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the person API. */
public final class PersonApi {

    private PersonApi() {}

    @Schema(name = "PersonRequest")
    public record PersonRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Anna Holm") String name,
            @Size(max = 200) @Schema(example = "Kommunaldirektør") String title,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a", description = "employer (Randers Kommune)")
            UUID employerOrganizationId,
            @Email @Size(max = 254) @Schema(example = "anna.holm@example.dk") String email) {}

    @Schema(name = "Person")
    public record PersonView(
            @Schema(required = true, example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d") UUID id,
            @Schema(required = true, example = "Anna Holm") String name,
            @Schema(example = "Kommunaldirektør") String title,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID employerOrganizationId,
            @Schema(example = "anna.holm@example.dk",
                    description = "personal data: shown to members and the secretariat only, null for others")
            String email,
            @Schema(example = "false") boolean erased,
            Instant erasedAt,
            @Schema(example = "0") long version) implements Versioned {}
}
