package dk.kdnet.meetings.attachment;

import dk.kdnet.problems.ProblemType;
import java.util.Map;

/** An upload beyond the limits: 413 (too large) or 415 (a type not accepted), with the limit in the context. */
public class AttachmentRejected extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> context;

    AttachmentRejected(ProblemType type, String detail, Map<String, Object> context) {
        super(detail, null, false, false);
        this.type = type;
        this.context = Map.copyOf(context);
    }

    ProblemType type() {
        return type;
    }

    Map<String, Object> context() {
        return context;
    }
}
