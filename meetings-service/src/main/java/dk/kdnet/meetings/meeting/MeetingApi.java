package dk.kdnet.meetings.meeting;

import dk.kdnet.web.RequiredWhen;
import dk.kdnet.web.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the meeting API. */
public final class MeetingApi {

    private MeetingApi() {}

    @Schema(name = "Location", description = "A PLACE names the venue; ONLINE names the platform")
    @RequiredWhen(property = "kind", values = "PLACE", required = "place")
    @RequiredWhen(property = "kind", values = "ONLINE", required = "platform")
    public record Location(
            @NotNull @Schema(example = "PLACE") LocationKind kind,
            @Size(max = 200) @Schema(example = "Scandic Silkeborg") String place,
            @Size(max = 100) @Schema(example = "Microsoft Teams") String platform) {}

    @Schema(name = "MeetingRequest")
    public record MeetingRequest(
            @NotNull @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID bodyId,
            @NotBlank @Size(max = 200) @Schema(example = "KD-Net møde 2. juni 2023") String title,
            @NotNull @Schema(example = "ORDINARY") MeetingKind kind,
            @NotNull @Schema(example = "2023-06-02T10:00:00+02:00",
                    description = "interpreted and shown in Europe/Copenhagen") OffsetDateTime startsAt,
            @NotNull @Schema(example = "2023-06-02T13:00:00+02:00", description = "not before startsAt")
            OffsetDateTime endsAt,
            @NotNull @Valid Location location,
            @Size(max = 60) @Schema(example = "00.01.10-A00-3-23") String caseNumber) {}

    @Schema(name = "CancelRequest")
    public record CancelRequest(@Size(max = 500) @Schema(example = "Too few could attend") String reason) {}

    @Schema(name = "Meeting")
    public record MeetingView(
            @Schema(required = true, example = "1f4ca438-cb2d-3ec3-8983-f8389572d997") UUID id,
            @Schema(required = true, example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID bodyId,
            @Schema(required = true, example = "KD-Net møde 2. juni 2023") String title,
            @Schema(required = true, example = "ORDINARY") MeetingKind kind,
            @Schema(required = true, example = "2023-06-02T10:00:00+02:00") OffsetDateTime startsAt,
            @Schema(required = true, example = "2023-06-02T13:00:00+02:00") OffsetDateTime endsAt,
            @Schema(required = true) Location location,
            @Schema(required = true, example = "MINUTES_APPROVED") MeetingStatus status,
            @Schema(example = "00.01.10-A00-3-23") String caseNumber,
            String cancelReason,
            @Schema(example = "3") long version) implements Versioned {}
}
