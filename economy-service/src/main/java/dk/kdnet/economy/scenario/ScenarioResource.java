package dk.kdnet.economy.scenario;

import dk.kdnet.security.Roles;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/economy/schemes")
@Tag(name = "Financing schemes", description = "How a collaboration's or KD-Net's cost for a year is split")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ScenarioResource {

    @Inject
    ScenarioService scenarios;

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @POST
    @Path("/{id}/scenarios")
    @Operation(summary = "What would everyone pay after a sequence of changes (members leave, join, re-join or "
            + "revoke a notice, populations are recorded, the total, budget mode, indexation, corrections or components "
            + "change): the real rules run on a copy, in order, so a sequence the real API accepts is accepted here "
            + "and gives the charges making it for real would; each member's charge now and in the scenario side by "
            + "side, each with its breakdown; changes nothing. A read for members and the secretariat only: what-ifs "
            + "about named members are internal deliberations, not published material")
    @APIResponse(responseCode = "200", description = "Each member's charge now and in the scenario, side by side, "
            + "with their breakdowns")
    @APIResponse(responseCode = "422", description = "A change the real API would refuse at its point in the sequence "
            + "(leaving as a non-member, joining as a member, a given population other than the recorded one under "
            + "RECORDED, a scheme change that breaks a rule); the field names the change")
    public ScenarioApi.ScenarioView scenario(@PathParam("id") UUID id,
            @NotNull @Valid ScenarioApi.ScenarioRequest request) {
        return scenarios.run(id, request.changes());
    }
}
