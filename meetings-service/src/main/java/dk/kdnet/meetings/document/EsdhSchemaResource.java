package dk.kdnet.meetings.document;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The schema of the ESDH package's metadata.json, under the API's path so that the gateway forwards it. */
@Path(EsdhPackage.SCHEMA)
@Tag(name = "Documents", description = "Agenda and minutes as PDF, and the package an ESDH system files")
public class EsdhSchemaResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JSON Schema (2020-12) of the ESDH package's metadata.json: what an ESDH adapter maps "
            + "(README: ESDH package, with the mapping to FESD/OIOXML document metadata)")
    @APIResponse(responseCode = "200", description = "The schema",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public InputStream schema() {
        return EsdhSchemaResource.class.getResourceAsStream("/esdh/esdh-package.schema.json");
    }
}
