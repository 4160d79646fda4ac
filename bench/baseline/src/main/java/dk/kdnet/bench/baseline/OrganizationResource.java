package dk.kdnet.bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/groups/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @GET
    @Path("/{id}")
    public Organization get(UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null) {
            throw new NotFoundException();
        }
        return organization;
    }
}
