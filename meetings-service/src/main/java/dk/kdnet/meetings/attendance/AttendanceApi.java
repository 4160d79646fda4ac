package dk.kdnet.meetings.attendance;

import dk.kdnet.problems.Versioned;
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
    public record ApologyRequest(@NotNull UUID personId, @Size(max = 500) String note) {}

    @Schema(name = "SubstituteRequest", description = "who stands in for which expected participant")
    public record SubstituteRequest(
            @NotNull @Schema(description = "the expected participant stood in for") UUID forPersonId,
            UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "Jens Skov") String displayName,
            UUID organizationId,
            @Size(max = 500) @Schema(example = "direktør") String note) {}

    @Schema(name = "GuestRequest")
    public record GuestRequest(
            UUID personId,
            @NotBlank @Size(max = 200) @Schema(example = "Anna Holm") String displayName,
            UUID organizationId,
            @Size(max = 500) @Schema(example = "oplægsholder, punkt 37") String note) {}

    public enum ParticipantStatus {
        EXPECTED, APOLOGY, SUBSTITUTED
    }

    @Schema(name = "Participant", description = "a member of the body on the meeting date")
    public record ParticipantView(UUID personId, @Schema(example = "Anna Holm") String displayName, String role,
            boolean voting, UUID representingOrganizationId, ParticipantStatus status) {}

    @Schema(name = "AttendanceEntry")
    public record EntryView(UUID id, AttendanceKind kind, UUID personId, String displayName, UUID forPersonId,
            UUID organizationId, String note, long version) implements Versioned {}

    @Schema(name = "Attendance")
    public record AttendanceView(UUID meetingId, @Schema(example = "2023-08-25") LocalDate date,
            List<ParticipantView> expected, List<EntryView> apologies, List<EntryView> substitutes,
            List<EntryView> guests) {}
}
