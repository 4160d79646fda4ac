package dk.kdnet.meetings.body;

import dk.kdnet.meetings.agenda.NumberingService;
import dk.kdnet.meetings.numbering.NumberingPolicy;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings/bodies/{bodyId}")
@Tag(name = "Numbering", description = "How a body numbers its agenda items")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class MeetingBodyResource {

    @Schema(name = "MeetingBody", description = "A body as meetings-service knows it from groups-service's events")
    public record BodyView(@Schema(required = true, example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID id,
            @Schema(example = "NETWORK") String kind,
            @Schema(required = true, example = "KD-Net (Kommunaldirektørnetværket i den midtjyske region)")
            String name,
            @Schema(example = "KD-Net") String shortName, UUID parentBodyId,
            @Schema(example = "CONTINUOUS_YEARLY") NumberingPolicy numbering) {}

    @Inject
    Bodies bodies;

    @Inject
    NumberingService numbering;

    @GET
    @Operation(summary = "A body as known from groups-service, with its numbering policy")
    @APIResponse(responseCode = "200", description = "The body")
    @APIResponse(responseCode = "404", description = "groups-service has not announced this body (yet)")
    public BodyView get(@PathParam("bodyId") UUID bodyId) {
        var body = bodies.get(bodyId);
        return new BodyView(body.id, body.kind, body.name, body.shortName, body.parentBodyId,
                numbering.policyOf(bodyId));
    }
}
