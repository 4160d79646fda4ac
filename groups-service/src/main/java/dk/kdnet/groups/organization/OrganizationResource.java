package dk.kdnet.groups.organization;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationView;
import dk.kdnet.groups.organization.OrganizationApi.PopulationRequest;
import dk.kdnet.groups.organization.OrganizationApi.PopulationView;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import dk.kdnet.web.SortKey;
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

@Path("/api/groups/organizations")
@Tag(name = "Organizations", description = "Municipalities, the region and other parties, with population figures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List organizations, by name unless sorted otherwise, optionally of one kind")
    public Page<OrganizationView> list(
            @Parameter(description = "Only organizations of this kind", example = "MUNICIPALITY")
            @QueryParam("kind") OrganizationKind kind,
            @Parameter(description = SortKey.DESCRIPTION, example = "municipalityCode", schema = @Schema(
                    enumeration = {"name", "-name", "municipalityCode", "-municipalityCode"}, defaultValue = "name"))
            @QueryParam("sort") String sort,
            @Valid @BeanParam Paging paging) {
        var order = SortKey.parse(sort, List.of("name", "municipalityCode"), "name");
        var result = organizations.list(kind, order, paging.page, paging.size);
        return new Page<>(result.items().stream().map(mapper::toView).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Register an organization")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "409", description = "Municipality code or CVR taken")
    @APIResponse(responseCode = "422", description = "A municipality without its municipality code")
    public Response register(@NotNull @Valid OrganizationRequest request, UriInfo uri) {
        var organization = organizations.register(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(organization.id.toString()).build())
                .entity(mapper.toView(organization)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one organization")
    public OrganizationView get(@PathParam("id") UUID id) {
        return mapper.toView(organizations.get(id));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an organization's kind, name or codes")
    @APIResponse(responseCode = "200", description = "The changed organization")
    @APIResponse(responseCode = "409", description = "Municipality code or CVR taken")
    @APIResponse(responseCode = "422", description = "A municipality without its municipality code")
    public OrganizationView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid OrganizationRequest request) {
        return mapper.toView(organizations.update(id, ifMatch, request));
    }

    // The audit names the staff who made each change: not for anonymous callers or clients.
    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Audited changes of an organization, oldest first")
    public List<AuditHistory.Entry<OrganizationView>> history(@PathParam("id") UUID id) {
        return history.of(Organization.class, id, "organization", mapper::toView);
    }

    @GET
    @Path("/{id}/populations")
    @Operation(summary = "All population figures of an organization, oldest first")
    public List<PopulationView> populations(@PathParam("id") UUID id) {
        return organizations.populations(id).stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/populations")
    @Operation(summary = "Record a population figure on a reference date")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PopulationView.class)))
    @APIResponse(responseCode = "409", description = "A figure for that reference date exists")
    public Response recordPopulation(@PathParam("id") UUID id, @NotNull @Valid PopulationRequest request,
            UriInfo uri) {
        var figure = organizations.recordPopulation(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(figure.id.toString()).build())
                .entity(mapper.toView(figure)).build();
    }

    @GET
    @Path("/{id}/population")
    @Operation(summary = "The population figure in force on a date (the latest reference date not after it)")
    public PopulationView populationOn(@PathParam("id") UUID id,
            @Parameter(description = "The day", example = "2024-01-01") @NotNull @QueryParam("on") LocalDate on) {
        return mapper.toView(organizations.populationOn(id, on));
    }
}
