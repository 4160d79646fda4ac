package dk.kdnet.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemType;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/** The gateway's own problem documents, for failures that happen before a service answers. */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY);

    private ProblemResponses() {}

    public static Buffer body(ProblemType type, String detail, String path) {
        return body(type, detail, path, List.of());
    }

    public static Buffer body(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(new Problem(type.uri(), type.title(), type.status(), detail,
                    path, errors, null, Map.of())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
