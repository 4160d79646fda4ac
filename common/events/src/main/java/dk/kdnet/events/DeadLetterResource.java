package dk.kdnet.events;

import dk.kdnet.security.Roles;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin view of a service's dead letters. Each service exposes it under its own area with a
 * one-line subclass: {@code @Path("/api/economy/admin/dead-letters")}.
 */
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Messages a consumer gave up on (dead letters): list and replay")
public abstract class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    // The role on each method: one on this class would not be inherited by the services' subclasses,
    // and Quarkus documents roles only of methods declared in a resource class itself.
    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @GET
    @Operation(summary = "Messages this service's consumers gave up on, newest first, with the reason")
    public Page<DeadLetters.DeadLetter> list(@Valid @BeanParam Paging paging) {
        return deadLetters.list(paging.page, paging.size);
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @SecurityRequirement(name = "bearer", scopes = Roles.SECRETARIAT)
    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a parked message again to its original topic (safe: consumers are idempotent)")
    public DeadLetters.DeadLetter replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id);
    }
}
