package dk.kdnet.rules;

import java.util.Map;

/**
 * A request or a decision's effect that a service's rules refuse: what it names does not exist, the current state
 * forbids it (a pending notice, an approved budget), or the input breaks a rule (a notice before joining, a budget of
 * the wrong kind), naming the field to blame when there is one. It is a domain outcome, not an HTTP answer: the REST
 * edge answers it as a problem ({@code dk.kdnet.problems.ProblemMappers}), a Kafka consumer parks the event on its
 * dead-letter topic with {@link #refusal()} in the reason.
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

    /** Why it is refused, in words for a dead-letter reason: "it breaks a rule on budgetId". */
    public String refusal() {
        return switch (kind) {
            case UNKNOWN -> "it names what does not exist";
            case CONFLICT -> "the current state does not allow it";
            case BROKEN -> "it breaks a rule" + (field == null ? "" : " on " + field);
        };
    }
}
