package dk.kdnet.meetings.attendance;

import dk.kdnet.web.Versioned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the attendance API. */
public final class AttendanceApi {

    private AttendanceApi() {}

    @Schema(name = "ApologyRequest")
    public record ApologyRequest(@NotNull @Schema(example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d") UUID personId,
            @Size(max = 500) @Schema(example = "ferie") String note) {}

    @Schema(name = "SubstituteRequest", description = "who stands in for which expected participant")
    public record SubstituteRequest(
            @NotNull @Schema(description = "the expected participant stood in for",
                    example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d") UUID forPersonId,
            @Schema(example = "4f9c4560-b218-34e4-b9f7-f700d83513d5", description = "when known to groups-service")
            UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "Jens Skov") String displayName,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID organizationId,
            @Size(max = 500) @Schema(example = "direktør") String note) {}

    @Schema(name = "GuestRequest")
    public record GuestRequest(
            @Schema(example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d", description = "when known to groups-service")
            UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "Anna Holm") String displayName,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID organizationId,
            @Size(max = 500) @Schema(example = "oplægsholder, punkt 37") String note) {}

    public enum ParticipantStatus {
        EXPECTED, APOLOGY, SUBSTITUTED
    }

    @Schema(name = "Participant", description = "a member of the body on the meeting date")
    public record ParticipantView(@Schema(required = true,
            example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d") UUID personId,
            @Schema(example = "Anna Holm") String displayName, @Schema(example = "CHAIR") String role,
            @Schema(example = "true") boolean voting,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID representingOrganizationId,
            @Schema(required = true) ParticipantStatus status) {}

    @Schema(name = "AttendanceEntry")
    public record EntryView(@Schema(required = true) UUID id, @Schema(required = true) AttendanceKind kind,
            @Schema(example = "4f9c4560-b218-34e4-b9f7-f700d83513d5") UUID personId,
            @Schema(example = "Jens Skov") String displayName,
            @Schema(example = "dd8b42a3-dfab-3ea8-b2e2-3d7f6b65e66d") UUID forPersonId,
            @Schema(example = "bcf99697-1f17-3047-9e9c-66a6f95a095a") UUID organizationId,
            @Schema(example = "direktør") String note, @Schema(example = "0") long version) implements Versioned {}

    @Schema(name = "Attendance")
    public record AttendanceView(@Schema(required = true,
            example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(required = true, example = "2023-08-25") LocalDate date,
            @Schema(required = true) List<ParticipantView> expected, @Schema(required = true) List<EntryView> apologies,
            @Schema(required = true) List<EntryView> substitutes,
            @Schema(required = true) List<EntryView> guests) {}
}
