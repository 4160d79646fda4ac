package dk.kdnet.groups.body;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the body API. */
public final class BodyApi {

    private BodyApi() {}

    @Schema(name = "BodyRequest")
    public record BodyRequest(
            @NotNull @Schema(example = "STEERING_GROUP") BodyKind kind,
            @NotBlank @Size(max = 300) @Schema(example = "KOSU (den kommunale sundhedsstyregruppe)") String name,
            @Size(max = 60) @Schema(example = "KOSU") String shortName,
            @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84", description = "the body that set it up (KD-Net)")
            UUID parentBodyId,
            @Size(max = 20000) @Schema(example = "Coordinates the municipal health area across the 19 municipalities")
            String mandateText,
            @Size(max = 1000) @Schema(example = "Bilag 4 - Kommissorium for KOSU") String mandateDocument,
            @Schema(example = "2018-01-01") LocalDate validFrom,
            @Schema(example = "2026-12-31", description = "last day, not before validFrom; open-ended when absent")
            LocalDate validTo,
            @Min(1) @Max(10) @Schema(example = "1",
            description = "chairs at the same time; default 1") Integer chairSeats,
            @Min(1) @Max(10) @Schema(example = "2", description = "vice-chairs at the same time; default 1")
            Integer viceChairSeats) {}

    @Schema(name = "Body")
    public record BodyView(
            @Schema(required = true, example = "f3088e26-fb03-3bfa-8c2e-80f13c53c62f") UUID id,
            @Schema(required = true, example = "STEERING_GROUP") BodyKind kind,
            @Schema(required = true, example = "KOSU (den kommunale sundhedsstyregruppe)") String name,
            @Schema(example = "KOSU") String shortName,
            @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID parentBodyId,
            @Schema(example = "Coordinates the municipal health area across the 19 municipalities") String mandateText,
            @Schema(example = "Bilag 4 - Kommissorium for KOSU") String mandateDocument,
            @Schema(example = "2018-01-01") LocalDate validFrom,
            LocalDate validTo,
            @Schema(example = "1") int chairSeats,
            @Schema(example = "2") int viceChairSeats,
            @Schema(example = "0") long version) implements Versioned {}

    @Schema(name = "BodyMembershipRequest")
    public record MembershipRequest(
            @NotNull @Schema(example = "36e77ddf-90dd-3559-a4c3-84c11da61129") UUID personId,
            @NotNull @Schema(example = "CHAIR") BodyRole role,
            @Schema(example = "true", description = "false for a seat without vote; default true") Boolean voting,
            @Schema(example = "5ccafa04-a793-3018-b448-15ed83e08abf",
                    description = "the organization the person represents (Viborg Kommune)")
            UUID representingOrganizationId,
            @NotNull @Schema(example = "2022-02-11") LocalDate validFrom,
            @Schema(example = "2025-12-31", description = "last day of the seat, not before validFrom; open-ended when "
                    + "absent")
            LocalDate validTo) {}

    @Schema(name = "BodyMembershipEnd")
    public record EndRequest(
            @NotNull @Schema(example = "2022-02-10", description = "last day of the seat, not before it began")
            LocalDate validTo,
            @Size(max = 500) @Schema(example = "job change") String endReason) {}

    @Schema(name = "BodyRoleChange")
    public record RoleChangeRequest(
            @NotNull @Schema(example = "VICE_CHAIR") BodyRole role,
            @Schema(example = "true", description = "default: as before") Boolean voting,
            @NotNull @Schema(example = "2023-01-01", description = "first day in the new role") LocalDate on,
            @Size(max = 500) @Schema(example = "new role from 2023") String reason) {}

    @Schema(name = "BodyMembership")
    public record MemberView(
            @Schema(required = true) UUID id,
            @Schema(required = true, example = "f3088e26-fb03-3bfa-8c2e-80f13c53c62f") UUID bodyId,
            @Schema(required = true, example = "KOSU") String bodyName,
            @Schema(required = true, example = "36e77ddf-90dd-3559-a4c3-84c11da61129") UUID personId,
            @Schema(required = true, example = "Jens Skov") String personName,
            @Schema(required = true, example = "CHAIR") BodyRole role,
            @Schema(example = "true") boolean voting,
            UUID representingOrganizationId,
            @Schema(required = true, example = "2022-02-11") LocalDate validFrom,
            @Schema(example = "2022-02-10") LocalDate validTo,
            @Schema(example = "job change") String endReason,
            @Schema(example = "0") long version) implements Versioned {}
}
