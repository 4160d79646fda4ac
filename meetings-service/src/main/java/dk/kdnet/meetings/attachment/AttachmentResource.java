package dk.kdnet.meetings.attachment;

import dk.kdnet.meetings.attachment.AttachmentApi.AttachmentView;
import dk.kdnet.meetings.attachment.AttachmentApi.EsdhReferenceRequest;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Tag(name = "Attachments", description = "Attachments (bilag) of agenda items: ESDH references or uploaded files")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @Inject
    AttachmentMapper mapper;

    @GET
    @Path("/items/{itemId}/attachments")
    @Operation(summary = "The attachments of an agenda item, in the order they were added")
    public List<AttachmentView> list(@PathParam("itemId") UUID itemId) {
        return attachments.of(itemId).stream().map(mapper::toView).toList();
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/items/{itemId}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a reference to a document in an ESDH system")
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved")
    public Response refer(@PathParam("itemId") UUID itemId, @NotNull @Valid EsdhReferenceRequest request) {
        return created(attachments.referTo(itemId, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/items/{itemId}/attachments/files")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a file as the request body, with its media type as Content-Type")
    @APIResponse(responseCode = "201", description = "Stored, with size and SHA-256",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit (context.maxBytes)")
    @APIResponse(responseCode = "415", description = "The media type is not accepted (context.accepted)")
    public Response upload(@PathParam("itemId") UUID itemId,
            @Parameter(description = "The attachment's title", example = "Budget 2024, bilag 1")
            @QueryParam("title") @Size(max = 300) String title,
            @Parameter(description = "The file's name for a download", example = "budget-2024-bilag-1.pdf")
            @QueryParam("fileName") @Size(max = 255) String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String mediaType, InputStream body) {
        return created(attachments.upload(itemId, title, fileName, mediaType, body));
    }

    @GET
    @Path("/attachments/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an uploaded file (an ESDH reference redirects to its URL)")
    @APIResponse(responseCode = "200", description = "The file, in the media type it was uploaded with",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "303", description = "An ESDH reference: see the document at its URL (Location)")
    public Response content(@PathParam("id") UUID id) {
        var attachment = attachments.visible(id);
        if (attachment.kind == AttachmentKind.ESDH) {
            if (attachment.url == null) {
                throw new NotFound("stored file of attachment", id);
            }
            return Response.seeOther(UriBuilder.fromUri(attachment.url).build()).build();
        }
        var file = attachments.content(id);
        return Response.ok(file.content(), file.attachment().mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("attachment",
                        file.attachment().fileName == null ? "bilag" : file.attachment().fileName))
                .header("ETag", "\"" + file.attachment().sha256 + "\"")
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.attachment().sha256)))
                .build();
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @DELETE
    @Path("/attachments/{id}")
    @Operation(summary = "Remove an attachment (not after the meeting's minutes are approved)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID id) {
        attachments.remove(id);
    }

    private Response created(Attachment attachment) {
        return Response.status(Response.Status.CREATED).entity(mapper.toView(attachment)).build();
    }
}
