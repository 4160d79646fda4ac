package dk.kdnet.meetings.attendance;

import dk.kdnet.meetings.attendance.AttendanceApi.ApologyRequest;
import dk.kdnet.meetings.attendance.AttendanceApi.AttendanceView;
import dk.kdnet.meetings.attendance.AttendanceApi.EntryView;
import dk.kdnet.meetings.attendance.AttendanceApi.GuestRequest;
import dk.kdnet.meetings.attendance.AttendanceApi.SubstituteRequest;
import dk.kdnet.security.Roles;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings/{meetingId}/attendance")
@Tag(name = "Attendance", description = "Expected participants, apologies, substitutes and guests")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AttendanceResource {

    @Inject
    AttendanceService attendance;

    @GET
    @Operation(summary = "Attendance: the body's members on the meeting date, with apologies, substitutes and guests")
    public AttendanceView get(@PathParam("meetingId") UUID meetingId) {
        return attendance.of(meetingId);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/apologies")
    @Operation(summary = "Record an apology (afbud) of an expected participant")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved or it is cancelled, or the "
            + "person's apology is recorded already")
    @APIResponse(responseCode = "422", description = "The person is not a member of the body on the meeting date")
    public Response apology(@PathParam("meetingId") UUID meetingId, @NotNull @Valid ApologyRequest request) {
        return created(attendance.apology(meetingId, request.personId(), request.note()));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/substitutes")
    @Operation(summary = "Record a substitute and whom they stand in for")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved or it is cancelled")
    @APIResponse(responseCode = "422", description = "The person stood in for is not a member of the body on the "
            + "meeting date")
    public Response substitute(@PathParam("meetingId") UUID meetingId, @NotNull @Valid SubstituteRequest request) {
        return created(attendance.substitute(meetingId, request));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/guests")
    @Operation(summary = "Record a guest")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved or it is cancelled")
    public Response guest(@PathParam("meetingId") UUID meetingId, @NotNull @Valid GuestRequest request) {
        return created(attendance.guest(meetingId, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @DELETE
    @Path("/{entryId}")
    @Operation(summary = "Remove an apology, substitute or guest")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved or it is cancelled")
    public void remove(@PathParam("meetingId") UUID meetingId, @PathParam("entryId") UUID entryId) {
        attendance.remove(meetingId, entryId);
    }

    private static Response created(AttendanceEntry entry) {
        EntryView view = AttendanceService.view(entry);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }
}
