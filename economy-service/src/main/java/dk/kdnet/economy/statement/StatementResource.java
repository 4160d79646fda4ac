package dk.kdnet.economy.statement;

import dk.kdnet.economy.report.AnnualReportResource;
import dk.kdnet.economy.statement.StatementApi.StatementView;
import dk.kdnet.economy.statement.StatementApi.YearsView;
import dk.kdnet.problems.ProblemException.BadRequest;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.security.Caller;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/economy/statements")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT, Roles.CLIENT})
@RunOnVirtualThread
public class StatementResource {

    /** The first year KD-Net's statements go back to. */
    static final int FIRST_YEAR = 2021;

    @Inject
    Caller caller;

    @Inject
    StatementService statements;

    @GET
    @Path("/{organization}/{year}")
    @Operation(summary = "An organization's statement for a year: every charge across every scheme with its breakdown, "
            + "each version with its cause and the decision behind it, what is invoiced and what is outstanding. For "
            + "members, the secretariat and clients; a client token limited to one organization reads its own only")
    @APIResponse(responseCode = "200", description = "The statement")
    @APIResponse(responseCode = "404", description = "No such organization, or one the token may not read")
    public StatementView statement(@Parameter(description = "The paying organization",
                    example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") @PathParam("organization") UUID organization,
            @Parameter(description = "The year charged", example = "2024") @PathParam("year") @Min(2000) @Max(2100)
            int year) {
        return statements.statement(readable(organization), year, caller.seesInternal());
    }

    @GET
    @Path("/{organization}/{year}.xlsx")
    @Produces(AnnualReportResource.XLSX)
    @Operation(summary = "The statement as an Excel workbook: the charges, their breakdown, their changes and the "
            + "years from " + FIRST_YEAR + " on")
    @APIResponse(responseCode = "200", description = "The workbook, a download named like Aarhus-Kommune-opgørelse-2024.xlsx",
            content = @Content(mediaType = AnnualReportResource.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such organization, or one the token may not read")
    public Response xlsx(@Parameter(description = "The paying organization",
                    example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") @PathParam("organization") UUID organization,
            @Parameter(description = "The year charged", example = "2024") @PathParam("year") @Min(2000) @Max(2100)
            int year) {
        var statement = statements.statement(readable(organization), year, caller.seesInternal());
        var years = statements.years(organization, Math.min(FIRST_YEAR, year), year, caller.seesInternal());
        return download(StatementDocuments.xlsx(statement, years), AnnualReportResource.XLSX, statement, ".xlsx");
    }

    @GET
    @Path("/{organization}/{year}.pdf")
    @Produces(AnnualReportResource.PDF)
    @Operation(summary = "The statement as the letter the secretariat sends the municipality: a tagged (PDF/UA) PDF in "
            + "Danish with the charges, what is invoiced and outstanding, each scheme's calculation and changes, and "
            + "the charges year by year from " + FIRST_YEAR)
    @APIResponse(responseCode = "200", description = "The letter, a download named like Aarhus-Kommune-opgørelse-2024.pdf",
            content = @Content(mediaType = AnnualReportResource.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such organization, or one the token may not read")
    public Response pdf(@Parameter(description = "The paying organization",
                    example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") @PathParam("organization") UUID organization,
            @Parameter(description = "The year charged", example = "2024") @PathParam("year") @Min(2000) @Max(2100)
            int year) {
        var statement = statements.statement(readable(organization), year, caller.seesInternal());
        var years = statements.years(organization, Math.min(FIRST_YEAR, year), year, caller.seesInternal());
        return download(StatementDocuments.pdf(statement, years), AnnualReportResource.PDF, statement, ".pdf");
    }

    @GET
    @Path("/{organization}")
    @Operation(summary = "An organization's charges per scheme per year (a scheme being its owner and its name without "
            + "the year), from " + FIRST_YEAR + " unless asked otherwise, each with the change from the year before, "
            + "and the totals")
    @APIResponse(responseCode = "200", description = "The charges year by year")
    @APIResponse(responseCode = "400", description = "from after to")
    @APIResponse(responseCode = "404", description = "No such organization, or one the token may not read")
    public YearsView years(@Parameter(description = "The paying organization",
                    example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") @PathParam("organization") UUID organization,
            @Parameter(description = "The first year", example = "2021") @QueryParam("from")
            @DefaultValue("" + FIRST_YEAR) @Min(2000) @Max(2100) int from,
            @Parameter(description = "The last year; left out, the latest year the organization is charged for",
                    example = "2024") @QueryParam("to") @Min(2000) @Max(2100) Integer to) {
        readable(organization);
        var last = to != null ? to : statements.latestYear(organization, caller.seesInternal(), from);
        if (last < from) {
            throw new BadRequest("to", "must not be before from (" + from + ")");
        }
        return statements.years(organization, from, last, caller.seesInternal());
    }

    /** The organization, if the caller may read its statement: a client limited to one reads only that one. */
    private UUID readable(UUID organization) {
        var scope = caller.organizationScope();
        if (scope != null && !scope.equals(organization)) {
            throw new NotFound("organization", organization);
        }
        return organization;
    }

    /** "Aarhus-Kommune-opgørelse-2024.pdf". */
    private static Response download(byte[] content, String type, StatementView statement, String extension) {
        var name = Downloads.fileName(extension, StatementDocuments.recipient(statement), "opgørelse",
                statement.year());
        return Response.ok(content, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("attachment", name)).build();
    }
}
