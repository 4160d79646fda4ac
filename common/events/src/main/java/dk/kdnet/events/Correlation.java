package dk.kdnet.events;

import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * The correlation id of the work in progress, kept in the logging MDC so every log line shows it and
 * every event written to the outbox carries it on.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";

    private Correlation() {}

    public static String currentId() {
        var id = MDC.get(CORRELATION_ID);
        return id == null ? null : id.toString();
    }

    static String currentCause() {
        var id = MDC.get(CAUSATION_ID);
        return id == null ? null : id.toString();
    }

    /** Starts work on behalf of a request, or continues a chain started elsewhere. */
    public static String begin(String correlationId) {
        var id = correlationId == null || correlationId.isBlank() || correlationId.length() > 100
                ? UUID.randomUUID().toString()
                : correlationId;
        MDC.put(CORRELATION_ID, id);
        MDC.remove(CAUSATION_ID);
        return id;
    }

    /** Work caused by an incoming event: its effects carry the same correlation id and name it as cause. */
    static void beginFrom(CloudEvent cause) {
        begin(cause.correlationId());
        MDC.put(CAUSATION_ID, cause.id().toString());
    }

    public static void end() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(CAUSATION_ID);
    }
}
