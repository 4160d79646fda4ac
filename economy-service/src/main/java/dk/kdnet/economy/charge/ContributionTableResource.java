package dk.kdnet.economy.charge;

import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeService;
import dk.kdnet.security.Caller;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A scheme's charges as the contribution table the secretariat sends out, as CSV and XLSX. */
@Path("/api/economy/schemes")
@Tag(name = "Financing schemes", description = "How a collaboration's or KD-Net's cost for a year is split")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ContributionTableResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Caller caller;

    @Inject
    SchemeService schemes;

    @Inject
    ChargeQueries charges;

    @GET
    @Path("/{id}/contributions.csv")
    @Produces("text/csv")
    @Operation(summary = "The scheme's contribution table as CSV, in the seed tables' columns and Danish headings "
            + "(Kommune, Indbyggertal, Kommuneandel, Sum baseret på indbyggertal, Samlet bidrag pr. år <year>; a row "
            + "\"I alt\"), amounts in kroner with two decimals. By default in the dialect a Danish Excel opens: "
            + "semicolons, decimal comma, UTF-8 with BOM; ?dialect=comma gives RFC 4180 (commas, decimal point, no BOM)")
    @APIResponse(responseCode = "200", description = "The table, a download named like "
            + "GovTech-Midtjylland-2024-bidrag.csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "dialect is neither danish nor comma")
    @APIResponse(responseCode = "404", description = "No such scheme")
    public Response contributionsCsv(@PathParam("id") UUID id,
            @Parameter(description = "danish (default: ; and decimal comma, with BOM) or comma (RFC 4180)",
                    schema = @Schema(enumeration = {"danish", "comma"}, defaultValue = "danish"))
            @QueryParam("dialect") @DefaultValue("danish") @Pattern(regexp = "danish|comma",
                    message = "must be danish or comma") String dialect) {
        var scheme = schemes.visible(id, caller.seesInternal());
        var csv = charges.contributions(scheme).toCsv(ContributionTable.Dialect.valueOf(dialect.toUpperCase(Locale.ROOT)));
        return download(csv, "text/csv; charset=UTF-8", scheme, ".csv");
    }

    @GET
    @Path("/{id}/contributions.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The scheme's contribution table as an Excel workbook, same layout and headings as the CSV")
    @APIResponse(responseCode = "200", description = "The workbook, a download named like "
            + "GovTech-Midtjylland-2024-bidrag.xlsx",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such scheme")
    public Response contributionsXlsx(@PathParam("id") UUID id) {
        var scheme = schemes.visible(id, caller.seesInternal());
        return download(charges.contributions(scheme).toXlsx(String.valueOf(scheme.year)), XLSX, scheme, ".xlsx");
    }

    /** "GovTech-Midtjylland-2024-bidrag.xlsx": the scheme's name without its year, the year, "bidrag". */
    private static Response download(byte[] content, String type, Scheme scheme, String extension) {
        var name = Downloads.fileName(extension, scheme.name.replaceFirst("\\s*\\b" + scheme.year + "$", ""),
                scheme.year, "bidrag");
        return Response.ok(content, type).header(HttpHeaders.CONTENT_DISPOSITION,
                Downloads.contentDisposition("attachment", name)).build();
    }

}
