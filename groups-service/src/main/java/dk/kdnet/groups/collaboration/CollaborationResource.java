package dk.kdnet.groups.collaboration;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationView;
import dk.kdnet.groups.collaboration.CollaborationApi.JoinRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.MembershipView;
import dk.kdnet.groups.collaboration.CollaborationApi.RevocationRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsView;
import dk.kdnet.groups.collaboration.CollaborationApi.WithdrawalRequest;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
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
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/groups/collaborations")
@Tag(name = "Collaborations", description = "Collaborations such as GovTech Midtjylland, their terms and members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class CollaborationResource {

    @Inject
    CollaborationService collaborations;

    @Inject
    CollaborationMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List collaborations by name")
    public Page<CollaborationView> list(@Valid @BeanParam Paging paging) {
        var result = collaborations.list(paging.page, paging.size);
        return new Page<>(result.items().stream().map(mapper::toView).toList(), paging.page, paging.size,
                result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Register a collaboration")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = CollaborationView.class)))
    @APIResponse(responseCode = "409", description = "A collaboration of that name exists")
    @APIResponse(responseCode = "422", description = "Unknown host organization or period ends before it starts")
    public Response register(@NotNull @Valid CollaborationRequest request, UriInfo uri) {
        var collaboration = collaborations.register(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(collaboration.id.toString()).build())
                .entity(mapper.toView(collaboration)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one collaboration")
    public CollaborationView get(@PathParam("id") UUID id) {
        return mapper.toView(collaborations.get(id));
    }

    // The audit names the staff who made each change: not for anonymous callers or clients.
    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "Audited changes of a collaboration, oldest first")
    public List<AuditHistory.Entry<CollaborationView>> history(@PathParam("id") UUID id) {
        return history.of(Collaboration.class, id, "collaboration", mapper::toView);
    }

    @GET
    @Path("/{id}/terms")
    @Operation(summary = "All versions of the membership terms, oldest first")
    public List<TermsView> terms(@PathParam("id") UUID id) {
        return collaborations.terms(id).stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/{id}/terms/in-force")
    @Operation(summary = "The terms version in force on a date (the one that applies to a notice given then)")
    public TermsView termsInForce(@PathParam("id") UUID id,
            @NotNull @QueryParam("on")
            @Parameter(description = "The day a notice would be given", example = "2024-03-05") LocalDate on) {
        return mapper.toView(collaborations.termsInForce(id, on));
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/terms/{termsId}/history")
    @Operation(summary = "Audited changes of a terms version, oldest first")
    public List<AuditHistory.Entry<TermsView>> termsHistory(@PathParam("id") UUID id,
            @PathParam("termsId") UUID termsId) {
        collaborations.termsVersion(id, termsId);
        return history.of(CollaborationTerms.class, termsId, "terms", mapper::toView);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/terms")
    @Operation(summary = "Add a version of the membership terms, e.g. as adopted at a meeting")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = TermsView.class)))
    @APIResponse(responseCode = "409", description = "A version with that label or valid-from exists")
    public Response addTerms(@PathParam("id") UUID id, @NotNull @Valid TermsRequest request, UriInfo uri) {
        var terms = collaborations.addTerms(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(terms.id.toString()).build())
                .entity(mapper.toView(terms)).build();
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "Members in force on a date (status as of that date); without a date every membership ever, "
            + "status as of today")
    public List<MembershipView> members(@PathParam("id") UUID id,
            @QueryParam("on")
            @Parameter(description = "The members on this day, with their status then; every membership ever when "
                    + "absent", example = "2024-01-01") LocalDate on) {
        var statusOn = on == null ? LocalDate.now() : on;
        return views(collaborations.members(id, on), statusOn);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members")
    @Operation(summary = "An organization joins (it pays pro rata from the first of the month of joining)")
    @APIResponse(responseCode = "201", description = "Joined, or the join with this decision id was recorded before",
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "409", description = "Already a member on that date")
    @APIResponse(responseCode = "422", description = "Unknown organization")
    public Response join(@PathParam("id") UUID id, @NotNull @Valid JoinRequest request, UriInfo uri) {
        var membership = collaborations.join(id, request.organizationId(), request.joinedOn(), request.decision());
        return Response.created(uri.getAbsolutePathBuilder().path(membership.organizationId.toString()).build())
                .entity(view(membership, membership.joinedOn)).build();
    }

    @GET
    @Path("/{id}/members/{organizationId}")
    @Operation(summary = "The organization's latest membership, status as of a date (default today)")
    public RestResponse<MembershipView> membership(@PathParam("id") UUID id,
            @PathParam("organizationId") UUID organizationId,
            @Parameter(description = "The day the status is for; today when absent", example = "2023-12-31")
            @QueryParam("on") LocalDate on) {
        var statusOn = on == null ? LocalDate.now() : on;
        var view = view(collaborations.membership(id, organizationId), statusOn);
        // The status turns at the effective exit without a new version, so the ETag names the date too:
        // a status cached yesterday is not confirmed as current today.
        return RestResponse.ResponseBuilder.ok(view).tag(new EntityTag(view.version() + "-" + statusOn)).build();
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/members/{organizationId}/history")
    @Operation(summary = "Audited changes of the organization's latest membership, oldest first")
    public List<AuditHistory.Entry<MembershipView>> membershipHistory(@PathParam("id") UUID id,
            @PathParam("organizationId") UUID organizationId) {
        var membership = collaborations.membership(id, organizationId);
        var today = LocalDate.now();
        return history.of(CollaborationMembership.class, membership.id, "collaboration membership",
                (CollaborationMembership m) -> view(m, today));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members/{organizationId}/withdrawal")
    @Operation(summary = "The member gives notice; the effective exit is computed from the terms in force on the "
            + "notice date")
    @APIResponse(responseCode = "200", description = "Notice recorded (or recorded before with this decision id)")
    @APIResponse(responseCode = "409", description = "Notice was already given")
    @APIResponse(responseCode = "422", description = "Not a member, notice before joining, or no terms in force")
    public MembershipView withdraw(@PathParam("id") UUID id, @PathParam("organizationId") UUID organizationId,
            @NotNull @Valid WithdrawalRequest request) {
        var membership = collaborations.withdraw(id, organizationId, request.noticeGiven(), request.decision(),
                request.reason());
        return view(membership, request.noticeGiven());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/members/{organizationId}/withdrawal/revocation")
    @Operation(summary = "Revoke a pending notice before it takes effect")
    @APIResponse(responseCode = "200", description = "Revoked: the member stays, with no exit date")
    @APIResponse(responseCode = "409", description = "No pending notice")
    @APIResponse(responseCode = "422", description = "The withdrawal has taken effect already")
    public MembershipView revoke(@PathParam("id") UUID id, @PathParam("organizationId") UUID organizationId,
            @Valid RevocationRequest request) {
        var revokedOn = request == null || request.revokedOn() == null ? LocalDate.now() : request.revokedOn();
        return view(collaborations.revokeWithdrawal(id, organizationId, revokedOn), revokedOn);
    }

    private MembershipView view(CollaborationMembership membership, LocalDate statusOn) {
        return views(List.of(membership), statusOn).getFirst();
    }

    /** Views with organization names and terms labels, looked up once per list. */
    private List<MembershipView> views(List<CollaborationMembership> memberships, LocalDate statusOn) {
        if (memberships.isEmpty()) {
            return List.of();
        }
        var names = collaborations.organizationNames(memberships);
        var labels = collaborations.termsLabels(memberships);
        return memberships.stream().map(m -> mapper.toView(m, names.get(m.organizationId), m.statusOn(statusOn),
                statusOn, m.termsId == null ? null : labels.get(m.termsId))).toList();
    }
}
