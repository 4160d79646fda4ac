package dk.kdnet.groups.secretariat;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the secretariat API. */
public final class SecretariatApi {

    private SecretariatApi() {}

    @Schema(name = "SecretariatRequest")
    public record SecretariatRequest(
            @NotBlank @Size(max = 300) @Schema(example = "KD-Net sekretariatet") String name,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a",
            description = "host municipality (Randers Kommune)")
            UUID hostOrganizationId,
            @DecimalMin("0") @DecimalMax("999") @Digits(integer = 4, fraction = 2) @Schema(example = "1.0")
            BigDecimal fte,
            @Schema(description = "the bodies it serves") List<@NotNull UUID> servedBodyIds,
            @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID reportsToBodyId,
            @Size(max = 300) @Schema(example = "the chair of KD-Net") String reportsTo,
            @Schema(example = "2022-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31", description = "not before validFrom") LocalDate validTo) {}

    @Schema(name = "Secretariat")
    public record SecretariatView(
            @Schema(required = true, example = "e0540fcb-0475-3b63-8782-788be0512464") UUID id,
            @Schema(required = true, example = "KD-Net sekretariatet") String name,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID hostOrganizationId,
            @Schema(example = "1.0") BigDecimal fte,
            @Schema(required = true) List<UUID> servedBodyIds,
            @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID reportsToBodyId,
            @Schema(example = "the chair of KD-Net") String reportsTo,
            @Schema(example = "2022-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31") LocalDate validTo,
            @Schema(example = "0") long version) implements Versioned {}

    @Schema(name = "StaffAssignmentRequest")
    public record StaffRequest(
            @NotNull @Schema(example = "74204931-c8d5-39b7-97a5-894f181cdb5b") UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "konsulent") String role,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 2)
            @Schema(example = "1.00") BigDecimal fte,
            @NotNull @Schema(example = "2022-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31", description = "not before validFrom") LocalDate validTo) {}

    @Schema(name = "StaffAssignment")
    public record StaffView(
            @Schema(required = true) UUID id,
            @Schema(required = true, example = "e0540fcb-0475-3b63-8782-788be0512464") UUID secretariatId,
            @Schema(required = true, example = "74204931-c8d5-39b7-97a5-894f181cdb5b") UUID personId,
            @Schema(required = true, example = "konsulent") String role,
            @Schema(required = true, example = "1.00") BigDecimal fte,
            @Schema(required = true, example = "2022-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31") LocalDate validTo,
            @Schema(example = "0") long version) implements Versioned {}
}
