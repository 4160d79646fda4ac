package dk.kdnet.meetings.decision;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.meetings.decision.DecisionApi.DecisionRequest;
import dk.kdnet.meetings.decision.DecisionApi.DecisionView;
import dk.kdnet.security.Roles;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Tag(name = "Decisions", description = "Decisions on agenda items, with the effects other services act on")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    DecisionMapper mapper;

    @Inject
    AuditHistory history;

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/items/{itemId}/decision")
    @Operation(summary = "Record the decision on an item of a held meeting (again, with If-Match, to correct it); "
            + "published with its effects. The first recording needs no If-Match: there is no version to base it on")
    @APIResponse(responseCode = "200", description = "The decision as recorded")
    @APIResponse(responseCode = "409", description = "The meeting is not HELD (context.currentStatus), or the previous "
            + "meeting's minutes cannot be approved")
    @APIResponse(responseCode = "422", description = "An effect lacks what its kind needs, a part does not exist, or "
            + "a postponement lacks a valid target meeting")
    public DecisionView record(@PathParam("itemId") UUID itemId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DecisionRequest request) {
        return mapper.toView(decisions.record(itemId, ifMatch, request));
    }

    @GET
    @Path("/items/{itemId}/decision")
    @Operation(summary = "The decision on an item; for anonymous callers once the meeting's minutes are approved")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "404", description = "No such item, or no decision on it (for anonymous callers: "
            + "none until the minutes are approved)")
    public DecisionView get(@PathParam("itemId") UUID itemId) {
        return mapper.toView(decisions.onItem(itemId));
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/items/{itemId}/decision/history")
    @Operation(summary = "Every audited version of the decision on an item, oldest first (members and the secretariat: it names staff)")
    public List<AuditHistory.Entry<DecisionView>> history(@PathParam("itemId") UUID itemId) {
        var decision = decisions.onItem(itemId);
        return history.of(Decision.class, decision.id, "decision", mapper::toView);
    }

    @GET
    @Path("/{meetingId}/decisions")
    @Operation(summary = "The decisions of a meeting (its minutes) in agenda order; closed items, and minutes not yet "
            + "approved, only for members and the secretariat")
    public List<DecisionView> ofMeeting(@PathParam("meetingId") UUID meetingId) {
        return decisions.ofMeeting(meetingId).stream().map(mapper::toView).toList();
    }
}
