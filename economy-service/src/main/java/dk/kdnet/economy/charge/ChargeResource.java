package dk.kdnet.economy.charge;

import dk.kdnet.economy.charge.ChargeApi.ChargeList;
import dk.kdnet.economy.charge.ChargeApi.ChargeView;
import dk.kdnet.economy.charge.ChargeApi.VersionView;
import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.problems.ProblemException.BadRequest;
import dk.kdnet.security.Caller;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.SortKey;
import io.quarkus.security.ForbiddenException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/economy/charges")
@Tag(name = "Charges", description = "What each organization pays, with its breakdown and versions")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ChargeResource {

    @Inject
    ChargeService charges;

    @Inject
    ChargeQueries queries;

    @Inject
    AuditHistory history;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The charges of a scheme and/or a year, largest first unless sorted otherwise, paged, with "
            + "the scheme total and the sum of all rows matching the filter; anonymous callers see the charges of "
            + "approved schemes only")
    @APIResponse(responseCode = "200", description = "The charges in the order asked for")
    @APIResponse(responseCode = "400", description = "Neither scheme nor year given")
    @APIResponse(responseCode = "403", description = "A client token limited to one organization asks for another's")
    public ChargeList list(
            @Parameter(description = "Only the charges of this scheme (scheme or year is needed)",
                    example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71")
            @QueryParam("scheme") UUID scheme,
            @Parameter(description = "Only the charges for this year (scheme or year is needed)", example = "2024")
            @QueryParam("year") Integer year,
            @Parameter(description = "Only the charges of this payer; a client token limited to one organization "
                    + "reads its own only", example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139")
            @QueryParam("organization") UUID organization,
            @Parameter(description = SortKey.DESCRIPTION + "; payer is the paying organization's name",
                    example = "payer", schema = @Schema(enumeration = {"amount", "-amount", "payer", "-payer"},
                            defaultValue = "-amount"))
            @QueryParam("sort") String sort,
            @Parameter(description = "The page, counting from 0", example = "0")
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Items per page, at most " + Page.MAX_SIZE + "; defaults to the largest page, so "
                    + "a scheme's whole table comes in one", example = "200")
            @QueryParam("size") @DefaultValue("" + Page.MAX_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        var order = SortKey.parse(sort, List.of("amount", "payer"), "-amount");
        if (scheme == null && year == null) {
            throw new BadRequest("scheme", "give a scheme or a year");
        }
        var scope = caller.organizationScope();
        if (scope != null) {
            if (organization != null && !organization.equals(scope)) {
                throw new ForbiddenException("this token reads the charges of organization " + scope + " only");
            }
            organization = scope;
        }
        return queries.list(scheme, year, organization, order, caller.seesInternal(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One charge with its breakdown")
    @APIResponse(responseCode = "200", description = "The charge; its ETag is its version")
    @APIResponse(responseCode = "304", description = "Not changed since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such charge")
    public ChargeView get(@PathParam("id") UUID id) {
        var charge = queries.visible(id, caller);
        return ChargeView.of(charge, queries.name(charge.organizationId));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a charge, oldest first, with what caused it")
    @APIResponse(responseCode = "200", description = "The versions, oldest first")
    @APIResponse(responseCode = "404", description = "No such charge")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        queries.visible(id, caller);
        return queries.versions(id).stream().map(VersionView::of).toList();
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/{id}/history")
    @Operation(summary = "The audited changes of a charge, oldest first: who, when, and the state after each; it "
            + "names staff, so for members and the secretariat only")
    @APIResponse(responseCode = "200", description = "Every audited version, oldest first")
    @APIResponse(responseCode = "404", description = "No such charge")
    public List<AuditHistory.Entry<ChargeView>> history(@PathParam("id") UUID id) {
        queries.visible(id, caller);
        return history.of(Charge.class, id, "charge", c -> ChargeView.of(c, null));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{id}/invoice")
    @Operation(summary = "Mark a charge invoiced: from now on a recalculation makes an adjustment instead")
    @APIResponse(responseCode = "200", description = "The charge, marked invoiced")
    @APIResponse(responseCode = "409", description = "Already invoiced")
    public ChargeView invoice(@PathParam("id") UUID id) {
        var charge = charges.invoice(id);
        return ChargeView.of(charge, queries.name(charge.organizationId));
    }
}
