package dk.kdnet.meetings.meeting;

import dk.kdnet.problems.ProblemMappers;
import dk.kdnet.problems.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The REST edge of the meeting rules: a request the meeting's status does not allow is a 409 naming the status. */
public class MeetingProblems {

    @ServerExceptionMapper
    public Response notAllowedInStatus(MeetingStatusException e, UriInfo uri) {
        return ProblemMappers.problem(ProblemType.CONFLICT, e.getMessage(), uri, List.of(), null,
                Map.of("currentStatus", e.currentStatus().name()));
    }
}
