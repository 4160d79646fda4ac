package dk.kdnet.groups.organization;

import dk.kdnet.web.RequiredWhen;
import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the organization API. */
public final class OrganizationApi {

    private OrganizationApi() {}

    @Schema(name = "OrganizationRequest")
    @RequiredWhen(property = "kind", values = "MUNICIPALITY", required = "municipalityCode")
    public record OrganizationRequest(
            @NotNull @Schema(example = "MUNICIPALITY") OrganizationKind kind,
            @NotBlank @Size(max = 200) @Schema(example = "Aarhus Kommune") String name,
            @Size(max = 60) @Schema(example = "Aarhus") String shortName,
            @Pattern(regexp = "\\d{3}", message = "must be the 3-digit municipality code (kommunekode)")
            @Schema(example = "751") String municipalityCode,
            @Cvr @Schema(example = "55133018") String cvr,
            @Gln @Schema(example = "5798005770008") String ean) {}

    @Schema(name = "Organization")
    public record OrganizationView(
            @Schema(required = true, example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") UUID id,
            @Schema(required = true, example = "MUNICIPALITY") OrganizationKind kind,
            @Schema(required = true, example = "Aarhus Kommune") String name,
            @Schema(example = "Aarhus") String shortName,
            @Schema(example = "751") String municipalityCode,
            @Schema(example = "55133018") String cvr,
            @Schema(example = "5798005770008") String ean,
            @Schema(example = "0") long version) implements Versioned {}

    @Schema(name = "PopulationRequest")
    public record PopulationRequest(
            @NotNull @PastOrPresent @Schema(example = "2023-01-01") LocalDate referenceDate,
            @NotNull @PositiveOrZero @Schema(example = "361544") Long count,
            @NotBlank @Size(max = 200) @Schema(example = "Danmarks Statistik") String source) {}

    @Schema(name = "PopulationFigure")
    public record PopulationView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID organizationId,
            @Schema(required = true, example = "2023-01-01") LocalDate referenceDate,
            @Schema(example = "361544") long count,
            @Schema(required = true, example = "Danmarks Statistik") String source) {}
}
