package dk.kdnet.meetings.attachment;

import dk.kdnet.problems.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a rejected upload into its problem response. */
public class AttachmentProblems {

    @ServerExceptionMapper
    public Response rejected(AttachmentRejected e, UriInfo uri) {
        var type = e.type();
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), e.getMessage(), uri.getPath(), List.of(),
                        null, e.context()))
                .build();
    }
}
