package dk.kdnet.groups.secretariat;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.groups.secretariat.SecretariatApi.SecretariatRequest;
import dk.kdnet.groups.secretariat.SecretariatApi.SecretariatView;
import dk.kdnet.groups.secretariat.SecretariatApi.StaffRequest;
import dk.kdnet.groups.secretariat.SecretariatApi.StaffView;
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

@Path("/api/groups/secretariats")
@Tag(name = "Secretariats", description = "Shared secretariats: host, FTE, staff, the bodies they serve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SecretariatResource {

    @Inject
    SecretariatService secretariats;

    @Inject
    SecretariatMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List secretariats by name")
    public Page<SecretariatView> list(@Valid @BeanParam Paging paging) {
        var result = secretariats.list(paging.page, paging.size);
        return new Page<>(result.items().stream().map(mapper::toView).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Register a secretariat")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SecretariatView.class)))
    @APIResponse(responseCode = "422", description = "Unknown host, served or reporting body, or a bad period")
    public Response register(@NotNull @Valid SecretariatRequest request, UriInfo uri) {
        var secretariat = secretariats.register(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(secretariat.id.toString()).build())
                .entity(mapper.toView(secretariat)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one secretariat")
    public SecretariatView get(@PathParam("id") UUID id) {
        return mapper.toView(secretariats.get(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a secretariat")
    @APIResponse(responseCode = "200", description = "The changed secretariat")
    @APIResponse(responseCode = "422", description = "Unknown host, served or reporting body, or a bad period")
    public SecretariatView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SecretariatRequest request) {
        return mapper.toView(secretariats.update(id, ifMatch, request));
    }

    // The audit names the staff who made each change: not for anonymous callers or clients.
    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Audited changes of a secretariat, oldest first")
    public List<AuditHistory.Entry<SecretariatView>> history(@PathParam("id") UUID id) {
        return history.of(Secretariat.class, id, "secretariat", mapper::toView);
    }

    @GET
    @Path("/{id}/staff")
    @Operation(summary = "Staff on a date, or every assignment ever")
    public List<StaffView> staff(@PathParam("id") UUID id,
            @Parameter(description = "The staff on this day; every assignment ever when absent", example = "2023-01-01")
            @QueryParam("on") LocalDate on) {
        return secretariats.staff(id, on).stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/staff")
    @Operation(summary = "Assign a person to the secretariat in a role and share of full time")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "422", description = "Unknown person or a bad period")
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid StaffRequest request, UriInfo uri) {
        var assignment = secretariats.assign(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(assignment.id.toString()).build())
                .entity(mapper.toView(assignment)).build();
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/staff/{assignmentId}/history")
    @Operation(summary = "Audited changes of a staff assignment, oldest first")
    public List<AuditHistory.Entry<StaffView>> staffHistory(@PathParam("id") UUID id,
            @PathParam("assignmentId") UUID assignmentId) {
        secretariats.get(id);
        return history.of(StaffAssignment.class, assignmentId, "staff assignment", mapper::toView);
    }
}
