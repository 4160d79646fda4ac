package dk.kdnet.meetings.meeting;

import dk.kdnet.problems.Page;
import dk.kdnet.problems.ProblemException.NotFound;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Tag(name = "Meetings", description = "Meetings of KD-Net and its bodies")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class MeetingResource {

    @Schema(name = "Meeting")
    public record MeetingView(UUID id, UUID bodyId, @Schema(example = "KD-Net møde 25. august 2023") String title,
            @Schema(example = "2023-08-25T09:00:00+02:00") OffsetDateTime startsAt,
            @Schema(example = "2023-08-25T12:00:00+02:00") OffsetDateTime endsAt,
            @Schema(example = "Regionshuset Viborg") String location, MeetingStatus status,
            @Schema(example = "00.01.10-A00-3-23") String caseNumber) {

        static MeetingView of(Meeting meeting) {
            return new MeetingView(meeting.id, meeting.bodyId, meeting.title, meeting.startsAt, meeting.endsAt,
                    meeting.location, meeting.status, meeting.caseNumber);
        }
    }

    @GET
    @Operation(summary = "List meetings, earliest first, optionally of one body or status")
    public Page<MeetingView> list(@QueryParam("body") UUID body, @QueryParam("status") MeetingStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        var query = Meeting.<Meeting>find("(:body is null or bodyId = :body) and (:status is null or status = :status)",
                Sort.by("startsAt"), Parameters.with("body", body).and("status", status));
        return new Page<>(query.page(page, size).list().stream().map(MeetingView::of).toList(), page, size,
                query.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one meeting")
    public MeetingView get(@PathParam("id") UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).map(MeetingView::of)
                .orElseThrow(() -> new NotFound("meeting", id));
    }
}
