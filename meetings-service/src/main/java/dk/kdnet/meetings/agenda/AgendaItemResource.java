package dk.kdnet.meetings.agenda;

import dk.kdnet.events.audit.AuditHistory;
import dk.kdnet.meetings.agenda.AgendaItemApi.ItemRequest;
import dk.kdnet.meetings.agenda.AgendaItemApi.ItemView;
import dk.kdnet.meetings.agenda.AgendaItemApi.ReorderRequest;
import dk.kdnet.security.Roles;
import dk.kdnet.web.ETags;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings")
@Tag(name = "Agenda", description = "The items of a meeting's agenda")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class AgendaItemResource {

    @Inject
    AgendaService agenda;

    @Inject
    AgendaItemMapper mapper;

    @Inject
    AuditHistory history;

    @GET
    @Path("/{meetingId}/items")
    @Operation(summary = "The agenda of a meeting in order; closed items only for members and the secretariat")
    public List<ItemView> list(@PathParam("meetingId") UUID meetingId) {
        return agenda.agenda(meetingId).stream().map(mapper::toView).toList();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @POST
    @Path("/{meetingId}/items")
    @Operation(summary = "Add an item at the end of the agenda; on a published agenda it takes the next free number")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The meeting's minutes are approved or it is cancelled")
    public Response add(@PathParam("meetingId") UUID meetingId, @NotNull @Valid ItemRequest request) {
        var item = agenda.add(meetingId, request);
        return Response.created(UriBuilder.fromPath("/api/meetings/items/{id}").build(item.id))
                .entity(mapper.toView(item)).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/{meetingId}/items/order")
    @Operation(summary = "Reorder an unpublished agenda: name every item once, in the new order; If-Match and the "
            + "answer's ETag are the meeting's, whose version the reorder raises")
    @APIResponse(responseCode = "200", description = "The agenda in its new order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The agenda is published; its order and numbers are frozen")
    @APIResponse(responseCode = "422", description = "The list does not name every item exactly once")
    public Response reorder(@PathParam("meetingId") UUID meetingId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ReorderRequest request) {
        var reordered = agenda.reorder(meetingId, ifMatch, request.itemIds());
        return Response.ok(reordered.items().stream().map(mapper::toView).toList())
                .header("ETag", ETags.of(reordered.meetingVersion())).build();
    }

    @GET
    @Path("/items/{itemId}")
    @Operation(summary = "Read one agenda item")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item; a closed item is not found by anonymous callers")
    public ItemView get(@PathParam("itemId") UUID itemId) {
        return mapper.toView(agenda.visible(itemId));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @PUT
    @Path("/items/{itemId}")
    @Operation(summary = "Change an agenda item (not after the meeting's minutes are approved)")
    @APIResponse(responseCode = "200", description = "The changed item")
    @APIResponse(responseCode = "409", description = "The minutes are approved: the item no longer changes")
    public ItemView update(@PathParam("itemId") UUID itemId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ItemRequest request) {
        return mapper.toView(agenda.update(itemId, ifMatch, request));
    }

    @RolesAllowed(Roles.SECRETARIAT)
    @DELETE
    @Path("/items/{itemId}")
    @Operation(summary = "Remove an item from an unpublished agenda")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The agenda is published")
    public void remove(@PathParam("itemId") UUID itemId) {
        agenda.remove(itemId);
    }

    @RolesAllowed({Roles.MEMBER, Roles.SECRETARIAT})
    @GET
    @Path("/items/{itemId}/history")
    @Operation(summary = "Every audited change of an agenda item, oldest first (members and the secretariat: it names staff)")
    public List<AuditHistory.Entry<ItemView>> history(@PathParam("itemId") UUID itemId) {
        return history.of(AgendaItem.class, itemId, "agenda item", mapper::toView);
    }
}
