package dk.kdnet.economy.report;

import dk.kdnet.economy.report.AnnualReportApi.AnnualReportView;
import dk.kdnet.security.Caller;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path("/api/economy/reports")
@Tag(name = "Reports", description = "The annual report and each municipality's statement, as JSON, Excel and PDF")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AnnualReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    @Inject
    Caller caller;

    @Inject
    AnnualReportService reports;

    @GET
    @Path("/annual")
    @Operation(summary = "The annual report of an owner for a year, as the document prints it (\"Status på "
            + "økonomien\"): accounts of the two years before, budget of the year before and budget of the year, line "
            + "by line, each amount as printed, with every printed amount that is not the sum of what is printed "
            + "beneath it; anonymous callers see approved budgets only")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "owner or year missing")
    @APIResponse(responseCode = "404", description = "The owner has none of the four budgets the caller may read")
    public AnnualReportView report(@Parameter(description = "The owner of the budgets (KD-Net: a body)",
                    example = "8d799b49-b40f-3350-968d-c8a27856ec84") @NotNull @QueryParam("owner") UUID owner,
            @Parameter(description = "The budget year; its report shows the accounts of the two years before",
                    example = "2023") @NotNull @Min(2000) @Max(2100) @QueryParam("year") Integer year) {
        return reports.report(owner, year, caller.seesInternal());
    }

    @GET
    @Path("/annual.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The annual report as an Excel workbook: the report's table, and a sheet \"Differencer\" "
            + "when a printed amount is not the sum beneath it")
    @APIResponse(responseCode = "200", description = "The workbook, a download named like "
            + "KD-Net-status-på-økonomien-2023.xlsx",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "owner or year missing")
    @APIResponse(responseCode = "404", description = "The owner has none of the four budgets the caller may read")
    public Response xlsx(@Parameter(description = "The owner of the budgets",
                    example = "8d799b49-b40f-3350-968d-c8a27856ec84") @NotNull @QueryParam("owner") UUID owner,
            @Parameter(description = "The budget year", example = "2023") @NotNull @Min(2000) @Max(2100)
            @QueryParam("year") Integer year) {
        var report = reports.report(owner, year, caller.seesInternal());
        return download(AnnualReportDocuments.xlsx(report), XLSX, report, ".xlsx");
    }

    @GET
    @Path("/annual.pdf")
    @Produces(PDF)
    @Operation(summary = "The annual report as a tagged (PDF/UA) PDF in Danish, with the differences listed")
    @APIResponse(responseCode = "200", description = "The PDF, a download named like "
            + "KD-Net-status-på-økonomien-2023.pdf",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "owner or year missing")
    @APIResponse(responseCode = "404", description = "The owner has none of the four budgets the caller may read")
    public Response pdf(@Parameter(description = "The owner of the budgets",
                    example = "8d799b49-b40f-3350-968d-c8a27856ec84") @NotNull @QueryParam("owner") UUID owner,
            @Parameter(description = "The budget year", example = "2023") @NotNull @Min(2000) @Max(2100)
            @QueryParam("year") Integer year) {
        var report = reports.report(owner, year, caller.seesInternal());
        return download(AnnualReportDocuments.pdf(report), PDF, report, ".pdf");
    }

    private static Response download(byte[] content, String type, AnnualReportView report, String extension) {
        var owner = report.title().substring(0, report.title().indexOf(" - "));
        var name = Downloads.fileName(extension, owner, "status-på-økonomien", report.year());
        return Response.ok(content, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("attachment", name)).build();
    }
}
