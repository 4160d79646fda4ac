package dk.kdnet.groups.rules;

import java.util.Map;

/**
 * A request or a decision's effect that groups' rules refuse: what it names does not exist, the current state
 * forbids it (a pending notice, a seat that has ended), or the input breaks a rule (a notice before joining, a seat
 * taken), naming the field to blame when there is one. The REST edge answers it as a problem
 * ({@code dk.kdnet.groups.RuleProblems}); the decision consumer parks the decision on the dead-letter topic.
 */
public final class RuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** What the request or effect names does not exist. */
        UNKNOWN,
        /** The current state does not allow it. */
        CONFLICT,
        /** The input breaks a rule. */
        BROKEN
    }

    private final Kind kind;
    private final String field;
    private final transient Map<String, Object> context;

    private RuleException(Kind kind, String message, String field, Map<String, Object> context) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.context = Map.copyOf(context);
    }

    /** "{@code what} {@code id} does not exist". */
    public static RuleException unknown(String what, Object id) {
        return new RuleException(Kind.UNKNOWN, what + " " + id + " does not exist", null, Map.of());
    }

    public static RuleException conflict(String message) {
        return conflict(message, Map.of());
    }

    /** With what the caller needs to resolve it, e.g. the membership in the way. */
    public static RuleException conflict(String message, Map<String, Object> context) {
        return new RuleException(Kind.CONFLICT, message, null, context);
    }

    /** A rule broken by the value of {@code field}. */
    public static RuleException broken(String field, String message) {
        return new RuleException(Kind.BROKEN, message, field, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The field to blame, or null. */
    public String field() {
        return field;
    }

    public Map<String, Object> context() {
        return context;
    }
}
