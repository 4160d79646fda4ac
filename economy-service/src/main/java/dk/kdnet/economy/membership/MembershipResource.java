package dk.kdnet.economy.membership;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The collaboration memberships economy-service charges by, as it knows them from groups-service. */
@Path("/api/economy/collaborations/{id}/memberships")
@Tag(name = "Economy read model", description = "Organizations, populations and collaboration memberships as "
        + "economy-service knows them from groups-service")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class MembershipResource {

    @Inject
    MembershipReadModel readModel;

    @Schema(name = "EconomyCollaborationMembership")
    public record MembershipView(@Schema(required = true,
            example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(required = true, example = "2021-01-01") LocalDate joinedOn,
            @Schema(example = "2023-08-25") LocalDate noticeGiven,
            @Schema(description = "First day no longer a member", example = "2024-01-01") LocalDate effectiveExit) {}

    @GET
    @Operation(summary = "A collaboration's memberships with joined-on, notice and effective exit (empty if unknown); an "
            + "organization that left and joined again has one per membership, oldest first")
    public List<MembershipView> list(@PathParam("id") UUID collaborationId) {
        return readModel.of(collaborationId).stream()
                .map(m -> new MembershipView(m.organizationId, m.joinedOn, m.noticeGiven, m.effectiveExit))
                .toList();
    }
}
