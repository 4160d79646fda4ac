package dk.kdnet.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
                ? newId()
                : correlationId;
        MDC.put(CORRELATION_ID, id);
        MDC.remove(CAUSATION_ID);
        return id;
    }

    /**
     * A new correlation id, a random (version 4) UUID. It names work in logs and events and guards nothing, so it
     * comes from a fast generator: {@code UUID.randomUUID()} reads SecureRandom under a lock on every request.
     */
    public static String newId() {
        var random = ThreadLocalRandom.current();
        var high = random.nextLong() & ~0xF000L | 0x4000L;
        var low = random.nextLong() & ~0xC000000000000000L | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
