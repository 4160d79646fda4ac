package dk.kdnet.meetings.meeting;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.meetings.meeting.MeetingApi.CancelRequest;
import dk.kdnet.meetings.meeting.MeetingApi.MeetingRequest;
import dk.kdnet.meetings.meeting.MeetingApi.MeetingView;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import dk.kdnet.web.SortKey;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Tag(name = "Meetings", description = "Meetings of KD-Net and its bodies and their status")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class MeetingResource {

    @Inject
    MeetingService meetings;

    @Inject
    MeetingMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List meetings, earliest first, filtered by body, year, status and date range (days in Europe/Copenhagen)")
    public Page<MeetingView> list(
            @Parameter(description = "Only the meetings of this body", example = "8d799b49-b40f-3350-968d-c8a27856ec84")
            @QueryParam("body") UUID body,
            @Parameter(description = "Only meetings starting in this year", example = "2023")
            @QueryParam("year") @Min(1900) @Max(2200) Integer year,
            @Parameter(description = "Only meetings in this status", example = "HELD")
            @QueryParam("status") MeetingStatus status,
            @Parameter(description = "Only meetings on or after this day", example = "2023-06-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Only meetings on or before this day", example = "2023-12-31")
            @QueryParam("to") LocalDate to,
            @Parameter(description = SortKey.DESCRIPTION, example = "-startsAt", schema = @Schema(
                    enumeration = {"startsAt", "-startsAt"}, defaultValue = "startsAt"))
            @QueryParam("sort") String sort,
            @Valid @BeanParam Paging paging) {
        var order = SortKey.parse(sort, List.of("startsAt"), "startsAt");
        var result = meetings.list(new MeetingService.Filter(body, year, status, from, to), order, paging.page,
                paging.size);
        return new Page<>(result.items().stream().map(mapper::toView).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a meeting (status PLANNED)")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "422",
    description = "Ends before it starts, or the location lacks its place or platform")
    public Response schedule(@NotNull @Valid MeetingRequest request, UriInfo uri) {
        var meeting = meetings.schedule(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(meeting.id.toString()).build())
                .entity(mapper.toView(meeting)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one meeting")
    @APIResponse(responseCode = "200", description = "The meeting")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public MeetingView get(@PathParam("id") UUID id) {
        return mapper.toView(meetings.get(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a meeting's title, kind, time, location or case number (until it is held)")
    @APIResponse(responseCode = "200", description = "The changed meeting")
    @APIResponse(responseCode = "409",
    description = "The meeting is held, approved or cancelled; context.currentStatus names its status")
    @APIResponse(responseCode = "422", description = "Another body than the meeting's (a meeting cannot move), ends "
            + "before it starts, or the location lacks its place or platform")
    public MeetingView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid MeetingRequest request) {
        return mapper.toView(meetings.update(id, ifMatch, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/publish-agenda")
    @Operation(summary = "Publish the agenda: PLANNED → AGENDA_PUBLISHED; item numbers are frozen under the body's numbering policy")
    @APIResponse(responseCode = "200", description = "The meeting, its agenda published")
    @APIResponse(responseCode = "409",
    description = "The meeting is not PLANNED; context.currentStatus names its status")
    @APIResponse(responseCode = "422", description = "The agenda has no items")
    public MeetingView publishAgenda(@PathParam("id") UUID id) {
        return mapper.toView(meetings.publishAgenda(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/hold")
    @Operation(summary = "Record that the meeting was held: AGENDA_PUBLISHED → HELD; decisions may then be recorded")
    @APIResponse(responseCode = "200", description = "The meeting, now HELD")
    @APIResponse(responseCode = "409",
    description = "The agenda is not published; context.currentStatus names the status")
    public MeetingView hold(@PathParam("id") UUID id) {
        return mapper.toView(meetings.hold(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a meeting that has not been held (body {\"reason\": ...} or {}); numbers it froze are not reused")
    @APIResponse(responseCode = "200", description = "The meeting, now CANCELLED")
    @APIResponse(responseCode = "409", description = "The meeting is held or already cancelled")
    public MeetingView cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        return mapper.toView(meetings.cancel(id, request == null ? null : request.reason()));
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every audited change of a meeting, oldest first, with who and when (members and the secretariat: it names staff)")
    public List<AuditHistory.Entry<MeetingView>> history(@PathParam("id") UUID id) {
        return history.of(Meeting.class, id, "meeting", mapper::toView);
    }
}
