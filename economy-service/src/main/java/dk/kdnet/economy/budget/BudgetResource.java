package dk.kdnet.economy.budget;

import dk.kdnet.economy.budget.BudgetApi.BudgetRequest;
import dk.kdnet.economy.budget.BudgetApi.BudgetView;
import dk.kdnet.economy.budget.BudgetApi.Kind;
import dk.kdnet.economy.budget.BudgetApi.LinesRequest;
import dk.kdnet.economy.budget.BudgetApi.TransitionRequest;
import dk.kdnet.economy.budget.BudgetApi.VersionView;
import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.security.Caller;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/economy/budgets")
@Tag(name = "Budgets", description = "Budgets and accounts: a tree of income and expense lines, result, carry-over")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class BudgetResource {

    @Inject
    Caller caller;

    @Inject
    BudgetService budgets;

    @Inject
    AuditHistory history;

    @GET
    @Operation(summary = "List budgets and accounts, by year, optionally of one owner, year or kind; anonymous "
            + "callers see approved ones only, as approved")
    public Page<BudgetView> list(
            @Parameter(description = "Only the budgets of this owner (a body, collaboration, secretariat or "
                    + "organization)", example = "8d799b49-b40f-3350-968d-c8a27856ec84")
            @QueryParam("owner") UUID owner,
            @Parameter(description = "Only budgets for this year", example = "2023") @QueryParam("year") Integer year,
            @Parameter(description = "Only budgets or only accounts", example = "BUDGET") @QueryParam("kind") Kind kind,
            @Valid @BeanParam Paging paging) {
        var seesInternal = caller.seesInternal();
        var result = budgets.list(owner, year, kind, seesInternal, paging.page, paging.size);
        return new Page<>(result.items().stream().map(b -> BudgetViews.of(b, budgets.shown(b.id, seesInternal)))
                .toList(), paging.page, paging.size, result.total());
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Operation(summary = "Create a budget or accounts as a draft")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "422", description = "A line with both or neither amount and sub-lines")
    public Response create(@NotNull @Valid BudgetRequest request, UriInfo uri) {
        var budget = budgets.create(UUID.randomUUID(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(budget.id.toString()).build())
                .entity(view(budget.id)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A budget's current version: lines with their sums, result and carry-over; for anonymous "
            + "callers its latest approved version")
    @APIResponse(responseCode = "200", description = "The budget; its ETag is its version")
    @APIResponse(responseCode = "304", description = "Not changed since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such budget, or for anonymous callers none approved")
    public BudgetView get(@PathParam("id") UUID id) {
        return view(id);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{id}/lines")
    @Operation(summary = "Change the lines, sending the budget's ETag in If-Match: a draft is replaced, otherwise a "
            + "new draft version is made")
    @APIResponse(responseCode = "200", description = "Changed; the ETag is the budget's new version")
    @APIResponse(responseCode = "404", description = "No such budget")
    @APIResponse(responseCode = "422", description = "A line with both or neither amount and sub-lines")
    public BudgetView changeLines(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid LinesRequest request) {
        budgets.changeLines(id, ifMatch, request.carriedIn(), request.printedTotals(), request.lines());
        return view(id);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/transitions")
    @Operation(summary = "Move the current version DRAFT → PROPOSED → APPROVED (or a proposal back to DRAFT)")
    @APIResponse(responseCode = "200", description = "The budget in its new status")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, which is named")
    public BudgetView transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        budgets.transition(id, request.to());
        return view(id);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a budget, oldest first, with its status and result; for anonymous callers "
            + "the approved ones")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = "404", description = "No such budget, or for anonymous callers none approved")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        return budgets.versions(id, caller.seesInternal()).stream().map(BudgetViews::version).toList();
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "The audited changes of a budget's current version (status, lines), oldest first; it names "
            + "staff, so for members and the secretariat only")
    @APIResponse(responseCode = "200", description = "Every audited version, oldest first")
    @APIResponse(responseCode = "404", description = "No such budget")
    public List<AuditHistory.Entry<VersionView>> history(@PathParam("id") UUID id) {
        return history.of(BudgetVersion.class, budgets.currentVersion(id).id, "budget version", BudgetViews::version);
    }

    private BudgetView view(UUID id) {
        return BudgetViews.of(budgets.get(id), budgets.shown(id, caller.seesInternal()));
    }
}
