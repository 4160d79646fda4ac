package dk.kdnet.economy.recalculation;

import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import dk.kdnet.security.Roles;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far the recalculations of charges have come: a long one (thousands of schemes) is followed here. */
@Path("/api/economy/recalculations")
@Tag(name = "Recalculations", description = "The progress of recalculations of charges")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SECRETARIAT)
@RunOnVirtualThread
public class RecalculationResource {

    @Inject
    Recalculations recalculations;

    @Schema(name = "Recalculation", description = "One recalculation of charges: RUNNING while it calculates its "
            + "schemes (done of total) and writes their charges, then DONE when committed or FAILED when rolled back "
            + "(an event's recalculation is then retried as a new one)")
    public record RecalculationView(@Schema(required = true) UUID id,
            @Schema(required = true, example = "RUNNING") Recalculation.State state,
            @Schema(description = "Schemes calculated so far", example = "412") int done,
            @Schema(description = "Schemes to calculate", example = "1000") int total,
            @Schema(required = true, example = "2026-12-05T12:00:00Z") Instant startedAt,
            @Schema(description = "When it was committed or rolled back") Instant finishedAt,
            @Schema(required = true) CauseView cause) {

        static RecalculationView of(Recalculation r) {
            return new RecalculationView(r.id, r.state, r.done, r.total, r.startedAt, r.finishedAt,
                    new CauseView(r.causeEventType, r.causeEventId, r.decisionId, r.correlationId));
        }
    }

    @Schema(name = "RecalculationCause", description = "What made it happen, as charge versions name it")
    public record CauseView(
            @Schema(required = true, example = "dk.kdnet.groups.collaboration-member-withdrew.v1") String eventType,
            @Schema(description = "The event; none for a change made through the API") UUID eventId,
            @Schema(description = "The meeting decision behind it", example = "0892b79f-8979-39fd-8386-c88d3054dade")
            UUID decisionId,
            @Schema(description = "The X-Correlation-Id of the request that started the chain", example = "my-request-1")
            String correlationId) {}

    @GET
    @Operation(summary = "The recalculations, latest first; the secretariat's")
    public Page<RecalculationView> list(
            @Parameter(description = "Only those in this state", example = "RUNNING")
            @QueryParam("state") Recalculation.State state,
            @Valid @BeanParam Paging paging) {
        var listing = recalculations.list(state, paging.page, paging.size);
        var items = listing.items().stream().map(RecalculationView::of).toList();
        return new Page<>(items, paging.page, paging.size, listing.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One recalculation: its state and how many of its schemes are done; the secretariat's")
    public RecalculationView get(@PathParam("id") UUID id) {
        return RecalculationView.of(recalculations.get(id));
    }
}
