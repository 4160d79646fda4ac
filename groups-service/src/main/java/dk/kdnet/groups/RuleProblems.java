package dk.kdnet.groups;

import dk.kdnet.groups.rules.RuleException;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemMappers;
import dk.kdnet.problems.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The REST edge of groups' rules: an unknown id is a 404, a conflict with the current state a 409, a broken rule a
 * 422 naming its field.
 */
public class RuleProblems {

    @ServerExceptionMapper
    public Response refused(RuleException e, UriInfo uri) {
        var type = switch (e.kind()) {
            case UNKNOWN -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
            case BROKEN -> ProblemType.RULE_VIOLATION;
        };
        var errors = e.field() == null ? List.<Problem.FieldError>of() : List.of(new Problem.FieldError(e.field(),
                e.getMessage()));
        return ProblemMappers.problem(type, e.getMessage(), uri, errors, null, e.context());
    }
}
