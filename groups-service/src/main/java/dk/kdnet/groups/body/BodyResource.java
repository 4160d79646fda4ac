package dk.kdnet.groups.body;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.groups.body.BodyApi.BodyRequest;
import dk.kdnet.groups.body.BodyApi.BodyView;
import dk.kdnet.groups.body.BodyApi.EndRequest;
import dk.kdnet.groups.body.BodyApi.MemberView;
import dk.kdnet.groups.body.BodyApi.MembershipRequest;
import dk.kdnet.groups.body.BodyApi.RoleChangeRequest;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

@Path("/api/groups/bodies")
@Tag(name = "Bodies", description = "KD-Net, its steering and working groups, boards, and who sat in them when")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class BodyResource {

    @Inject
    BodyService bodies;

    @Inject
    BodyMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List bodies by name, optionally of one kind")
    public Page<BodyView> list(
            @Parameter(description = "Only bodies of this kind", example = "STEERING_GROUP")
            @QueryParam("kind") BodyKind kind,
            @Valid @BeanParam Paging paging) {
        var result = bodies.list(kind, paging.page, paging.size);
        return new Page<>(result.items().stream().map(mapper::toView).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Set up a body")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = BodyView.class)))
    @APIResponse(responseCode = "422", description = "Unknown parent body or period ends before it starts")
    public Response register(@NotNull @Valid BodyRequest request, UriInfo uri) {
        var body = bodies.register(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(body.id.toString()).build())
                .entity(mapper.toView(body)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one body")
    public BodyView get(@PathParam("id") UUID id) {
        return mapper.toView(bodies.get(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a body's name, kind, parent, mandate, period or seats")
    @APIResponse(responseCode = "200", description = "The changed body")
    @APIResponse(responseCode = "422", description = "Unknown parent, or a parent below this body")
    public BodyView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid BodyRequest request) {
        return mapper.toView(bodies.update(id, ifMatch, request));
    }

    // The audit names the staff who made each change: not for anonymous callers or clients.
    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Audited changes of a body, oldest first")
    public List<AuditHistory.Entry<BodyView>> history(@PathParam("id") UUID id) {
        return history.of(Body.class, id, "body", mapper::toView);
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "The bodies this body set up")
    public List<BodyView> children(@PathParam("id") UUID id) {
        return bodies.children(id).stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "Who sat in the body, in what role, on a date; without a date every seat it has had")
    public List<MemberView> members(@PathParam("id") UUID id,
            @QueryParam("on")
            @Parameter(description = "The seats on this day; every seat ever when absent", example = "2022-02-10")
            LocalDate on) {
        var seats = on == null ? bodies.allMembers(id) : bodies.membersOn(id, on);
        return seats.stream().map(this::view).toList();
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members")
    @Operation(summary = "A person takes a seat in the body")
    @APIResponse(responseCode = "201", description = "Seated",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "422", description = "Unknown person or organization, the person has a seat then, "
            + "or a single-seat role (CHAIR) is taken in that period")
    public Response start(@PathParam("id") UUID id, @NotNull @Valid MembershipRequest request, UriInfo uri) {
        var membership = bodies.start(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(membership.id.toString()).build())
                .entity(view(membership)).build();
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/members/{membershipId}/history")
    @Operation(summary = "Audited changes of a seat, oldest first")
    public List<AuditHistory.Entry<MemberView>> membershipHistory(@PathParam("id") UUID id,
            @PathParam("membershipId") UUID membershipId) {
        bodies.membership(id, membershipId);
        return history.of(BodyMembership.class, membershipId, "body membership", (BodyMembership m) -> view(m));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members/{membershipId}/end")
    @Operation(summary = "End a seat on its last day")
    @APIResponse(responseCode = "200", description = "The seat, with its last day")
    @APIResponse(responseCode = "409", description = "The seat ends on or before that day already")
    @APIResponse(responseCode = "422", description = "The end is before the seat began")
    public MemberView end(@PathParam("id") UUID id, @PathParam("membershipId") UUID membershipId,
            @NotNull @Valid EndRequest request) {
        return view(bodies.end(id, membershipId, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members/{membershipId}/role-change")
    @Operation(summary = "Change the role of a seat: ends it the day before and starts the next in the new role")
    @APIResponse(responseCode = "201", description = "The new seat",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "422", description = "Date outside the seat, same role, or the new role is taken")
    public Response changeRole(@PathParam("id") UUID id, @PathParam("membershipId") UUID membershipId,
            @NotNull @Valid RoleChangeRequest request, UriInfo uri) {
        var next = bodies.changeRole(id, membershipId, request);
        return Response.created(uri.getBaseUriBuilder().path(BodyResource.class).path(id.toString())
                .path("members").path(next.id.toString()).build()).entity(view(next)).build();
    }

    private MemberView view(BodyService.Seat seat) {
        return mapper.toView(seat.membership(), seat.personName(), seat.bodyName());
    }

    private MemberView view(BodyMembership membership) {
        return view(bodies.seat(membership));
    }
}
