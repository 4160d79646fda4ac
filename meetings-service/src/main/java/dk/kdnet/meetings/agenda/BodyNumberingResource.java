package dk.kdnet.meetings.agenda;

import dk.kdnet.meetings.numbering.NumberingPolicy;
import dk.kdnet.security.Roles;
import dk.kdnet.web.Versioned;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings/bodies/{bodyId}/numbering")
@Tag(name = "Numbering", description = "How a body numbers its agenda items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class BodyNumberingResource {

    @Schema(name = "Numbering",
    description = "PER_MEETING: 1..n in each meeting; CONTINUOUS_YEARLY: on from meeting to "
            + "meeting within a calendar year (KD-Net 2023: 18–20, 35–51, 52–63); CONTINUOUS_ELECTORAL_TERM: within a "
            + "municipal electoral term (2022–2025, ...)")
    public record NumberingView(@Schema(required = true, example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID bodyId,
            @NotNull @Schema(example = "CONTINUOUS_YEARLY") NumberingPolicy policy,
            @Schema(example = "0", description = "-1 while the body has chosen no policy and numbers PER_MEETING")
            long version) implements Versioned {

        static NumberingView of(BodyNumbering numbering) {
            return new NumberingView(numbering.bodyId, numbering.policy, numbering.version);
        }
    }

    @Schema(name = "NumberingRequest")
    public record NumberingRequest(@NotNull @Schema(example = "CONTINUOUS_YEARLY") NumberingPolicy policy) {}

    @Inject
    NumberingService numbering;

    @GET
    @Operation(summary = "The body's numbering policy (PER_MEETING unless set)")
    public NumberingView get(@PathParam("bodyId") UUID bodyId) {
        return NumberingView.of(numbering.numberingOf(bodyId));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Operation(summary = "Set the body's numbering policy; agendas published already keep their numbers. The first "
            + "choice needs no If-Match; changing it does")
    public NumberingView set(@PathParam("bodyId") UUID bodyId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid NumberingRequest request) {
        return NumberingView.of(numbering.setPolicy(bodyId, ifMatch, request.policy()));
    }
}
