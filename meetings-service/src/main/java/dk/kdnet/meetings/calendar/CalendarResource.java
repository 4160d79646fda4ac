package dk.kdnet.meetings.calendar;

import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.body.Bodies;
import dk.kdnet.web.Downloads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings/bodies/{bodyId}/calendar.ics")
@Tag(name = "Documents", description = "Agenda and minutes as PDF, and the package an ESDH system files")
@RunOnVirtualThread
public class CalendarResource {

    static final String CALENDAR = "text/calendar";

    @Inject
    CalendarFeed feed;

    @Inject
    Bodies bodies;

    @Inject
    Visibility visibility;

    @GET
    @Produces(CALENDAR)
    @Operation(summary = "A body's meetings as an iCalendar feed to subscribe to (RFC 5545, Europe/Copenhagen; "
            + "changed meetings carry a higher SEQUENCE, cancelled ones STATUS:CANCELLED)")
    @APIResponse(responseCode = "200", description = "The feed; empty for a body without meetings",
            content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The body id is not a UUID")
    public Response calendar(@PathParam("bodyId") UUID bodyId) {
        var meetings = feed.meetings(bodyId);
        var name = bodies.displayName(bodyId).orElse("Møder");
        var internal = visibility.seesConfidential();
        StreamingOutput body = out -> feed.write(name, meetings, internal,
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body, CALENDAR + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("inline", Downloads.fileName(".ics", name, "kalender"))).build();
    }
}
