package dk.kdnet.meetings.document;

import dk.kdnet.meetings.document.DocumentService.Prepared;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A meeting's documents. Closed items are printed for members and the secretariat only; anyone else sees them
 * as "Lukket punkt", and gets the agenda once it is published and the minutes once they are approved. The content is gathered before the response starts (so problems are still answered as
 * problems) and then written straight to the response.
 */
@Path("/api/meetings/{id}")
@Tag(name = "Documents", description = "Agenda and minutes as PDF, and the package an ESDH system files")
@RunOnVirtualThread
@APIResponse(responseCode = "404", description = "No such meeting, or (for anonymous callers) its agenda is not "
        + "published or its minutes are not approved")
public class DocumentResource {

    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";

    @Inject
    DocumentService documents;

    @Inject
    EsdhPackage esdh;

    @GET
    @Path("/agenda.pdf")
    @Produces(PDF)
    @Operation(summary = "The agenda (dagsorden) as PDF: title block, contents with pages, items, attachment list")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response agenda(@PathParam("id") UUID id) {
        return pdf(documents.agenda(id));
    }

    @GET
    @Path("/minutes.pdf")
    @Produces(PDF)
    @Operation(summary = "The minutes (referat) as PDF: the agenda with each item's decision; once the meeting is HELD")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409",
            description = "The meeting is not HELD or MINUTES_APPROVED; context.currentStatus names its status")
    public Response minutes(@PathParam("id") UUID id) {
        return pdf(documents.minutes(id));
    }

    @GET
    @Path("/esdh-package")
    @Produces(ZIP)
    @Operation(summary = "The ESDH package: ZIP of the agenda and minutes PDF (public versions), uploaded attachments "
            + "and metadata.json (per document: title, type, date, body and meeting, case number, KLE with action "
            + "facet, access, SHA-256, parties; schema at " + EsdhPackage.SCHEMA + "). For the esdh client role, "
            + "members and the secretariat each closed item follows as documents of its own marked CLOSED with the "
            + "agenda's reason; anyone else gets no trace of it")
    @APIResponse(responseCode = "200", description = "The ZIP",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response esdhPackage(@PathParam("id") UUID id) {
        var contents = esdh.contents(id);
        StreamingOutput body = out -> esdh.write(contents, out);
        return download(body, ZIP, "attachment", EsdhPackage.fileName(contents));
    }

    private static Response pdf(Prepared prepared) {
        StreamingOutput body = out -> MeetingPdf.write(prepared.document(), out);
        return download(body, PDF, "inline", prepared.document().fileName());
    }

    private static Response download(StreamingOutput body, String type, String disposition, String fileName) {
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(disposition, fileName)).build();
    }
}
