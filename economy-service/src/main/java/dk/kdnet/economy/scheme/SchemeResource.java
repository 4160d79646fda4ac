package dk.kdnet.economy.scheme;

import dk.kdnet.economy.scheme.SchemeApi.ApproveRequest;
import dk.kdnet.economy.scheme.SchemeApi.SchemeRequest;
import dk.kdnet.economy.scheme.SchemeApi.SchemeView;
import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.security.Caller;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Downloads;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/economy/schemes")
@Tag(name = "Financing schemes", description = "How a collaboration's or KD-Net's cost for a year is split")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SchemeResource {

    @Inject
    Caller caller;

    @Inject
    SchemeService schemes;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List financing schemes, by year and name, optionally of one owner or year")
    public Page<SchemeView> list(
            @Parameter(description = "Only the schemes of this owner (a body, collaboration, secretariat or "
                    + "organization)", example = "c64c18ce-9bd6-3996-a2d6-117b344092b6")
            @QueryParam("owner") UUID owner,
            @Parameter(description = "Only schemes for this year", example = "2024") @QueryParam("year") Integer year,
            @Valid @BeanParam Paging paging) {
        var result = schemes.list(owner, year, caller.seesInternal(), paging.page, paging.size);
        return new Page<>(result.items().stream().map(SchemeViews::of).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Draft a financing scheme")
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "422", description = "Shares not summing to 100 %, a negative amount, an unknown "
            + "organization, ...; the field is named")
    public Response create(@NotNull @Valid SchemeRequest request, UriInfo uri) {
        var scheme = schemes.create(UUID.randomUUID(), request, false);
        return Response.created(uri.getAbsolutePathBuilder().path(scheme.id.toString()).build())
                .entity(SchemeViews.of(scheme)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One financing scheme; a draft only for members and the secretariat")
    @APIResponse(responseCode = "200", description = "The scheme; its ETag is its version")
    @APIResponse(responseCode = "304", description = "Not changed since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such scheme")
    public SchemeView get(@PathParam("id") UUID id) {
        return SchemeViews.of(schemes.visible(id, caller.seesInternal()));
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "The audited changes of a scheme, oldest first: who, when, and the state after each; it "
            + "names staff, so for members and the secretariat only")
    @APIResponse(responseCode = "200", description = "Every audited version, oldest first")
    @APIResponse(responseCode = "404", description = "No such scheme")
    public List<AuditHistory.Entry<SchemeView>> history(@PathParam("id") UUID id) {
        return history.of(Scheme.class, id, "financing scheme", SchemeViews::of);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a scheme, sending the ETag read in If-Match; an approved scheme's charges are "
            + "recalculated")
    @APIResponse(responseCode = "200", description = "Changed; the ETag is the new version")
    @APIResponse(responseCode = "404", description = "No such scheme")
    @APIResponse(responseCode = "422", description = "The changed scheme breaks a rule")
    public SchemeView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SchemeRequest request) {
        return SchemeViews.of(schemes.update(id, ifMatch, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a draft scheme: its members and keys fix the unit prices, its charges are computed")
    @APIResponse(responseCode = "200", description = "The approved scheme; its charges are computed")
    @APIResponse(responseCode = "409", description = "Not a draft")
    public SchemeView approve(@PathParam("id") UUID id, ApproveRequest request) {
        return SchemeViews.of(schemes.approve(id, request == null ? null : request.decision()));
    }
}
