package dk.kdnet.problems;

import java.util.List;
import java.util.Map;

/**
 * The known ways a request can fail. Services throw these; {@link ProblemMappers} turns them into
 * problem responses.
 */
public sealed class ProblemException extends RuntimeException
        permits ProblemException.NotFound, ProblemException.Conflict, ProblemException.RuleViolation,
                ProblemException.PreconditionFailed, ProblemException.PreconditionRequired,
                ProblemException.BadRequest {

    private final ProblemType type;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, Object> context;

    protected ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, Object> context) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.context = Map.copyOf(context);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> context() {
        return context;
    }

    public static final class NotFound extends ProblemException {
        public NotFound(String what, Object id) {
            super(ProblemType.NOT_FOUND, what + " " + id + " does not exist", List.of(), Map.of());
        }
    }

    /** A request that conflicts with the current state, e.g. a wrong status transition. */
    public static final class Conflict extends ProblemException {
        public Conflict(String detail) {
            this(detail, Map.of());
        }

        public Conflict(String detail, Map<String, Object> context) {
            super(ProblemType.CONFLICT, detail, List.of(), context);
        }
    }

    /** Well-formed input that breaks a domain rule (422), naming the field when there is one. */
    public static final class RuleViolation extends ProblemException {
        public RuleViolation(String detail) {
            super(ProblemType.RULE_VIOLATION, detail, List.of(), Map.of());
        }

        public RuleViolation(String field, String message) {
            super(ProblemType.RULE_VIOLATION, message, List.of(new Problem.FieldError(field, message)), Map.of());
        }

        public RuleViolation(String detail, List<Problem.FieldError> errors) {
            super(ProblemType.RULE_VIOLATION, detail, errors, Map.of());
        }
    }

    /** Input the service can only judge after parsing, e.g. a value outside what a field accepts. */
    public static final class BadRequest extends ProblemException {
        public BadRequest(String field, String message) {
            super(ProblemType.VALIDATION, message, List.of(new Problem.FieldError(field, message)), Map.of());
        }
    }

    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String detail) {
            super(ProblemType.PRECONDITION_FAILED, detail, List.of(), Map.of());
        }
    }

    public static final class PreconditionRequired extends ProblemException {
        public PreconditionRequired(String detail) {
            super(ProblemType.PRECONDITION_REQUIRED, detail, List.of(), Map.of());
        }
    }
}
