package dk.kdnet.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: attributes in {@code ce_} headers, JSON data in the
 * value, the subject as key. {@code correlationid} and {@code causationid} are extension attributes
 * that let one request's effects be followed across services; {@code traceparent} is the distributed
 * tracing extension's W3C trace context of the work that wrote it ({@link Tracing}).
 */
public record CloudEvent(UUID id, String source, String type, String subject, OffsetDateTime time,
        String correlationId, String causationId, JsonNode data, String traceparent) {

    /** An event outside any trace. */
    public CloudEvent(UUID id, String source, String type, String subject, OffsetDateTime time, String correlationId,
            String causationId, JsonNode data) {
        this(id, source, type, subject, time, correlationId, causationId, data, null);
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    /**
     * Events are read leniently, so producers may add fields without breaking consumers. Amounts keep their scale
     * through the tree the data is held in (written to the outbox, read back by the relay, read by consumers):
     * 1200.00 stays 1200.00, never 1200.0 (a double) or 1.2E+3 (trailing zeros stripped).
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + this.type + " " + id + " is not a valid " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    /**
     * The event this is, as the record of its type among the topic's sealed events ({@code BodyEvent}): consumers
     * switch over it, naming every type. Empty for a type the topic's events do not name (a newer producer's, or
     * another topic's); a known type with data that does not fit is malformed.
     */
    public <E extends DomainEvent> Optional<E> as(Class<E> topicEvents) {
        var record = TYPES.get(topicEvents).get(type);
        return record == null ? Optional.empty() : Optional.of(topicEvents.cast(dataAs(record)));
    }

    /** Each topic's event types by their CloudEvents type, from the records its sealed interface permits. */
    private static final ClassValue<Map<String, Class<?>>> TYPES = new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> topicEvents) {
            if (!topicEvents.isSealed()) {
                throw new IllegalArgumentException(topicEvents + " is not a topic's sealed events");
            }
            var types = new HashMap<String, Class<?>>();
            for (var record : topicEvents.getPermittedSubclasses()) {
                try {
                    types.put((String) record.getField("TYPE").get(null), record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(record + " has no public static TYPE", e);
                }
            }
            return Map.copyOf(types);
        }
    };

    public ProducerRecord<String, String> toRecord(String topic) {
        var headers = new ArrayList<Header>();
        header(headers, "ce_specversion", SPEC_VERSION);
        header(headers, "ce_id", id.toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", type);
        header(headers, "ce_subject", subject);
        header(headers, "ce_time", time.toString());
        header(headers, "content-type", CONTENT_TYPE);
        if (correlationId != null) {
            header(headers, "ce_correlationid", correlationId);
        }
        if (causationId != null) {
            header(headers, "ce_causationid", causationId);
        }
        if (traceparent != null) {
            header(headers, "ce_traceparent", traceparent);
        }
        return new ProducerRecord<>(topic, null, subject, data.toString(), headers);
    }

    /** Reads a record; a record that is no valid CloudEvent is a {@link MalformedEventException}. */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        var headers = record.headers();
        var specVersion = header(headers, "ce_specversion", false);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("ce_specversion is " + specVersion + ", expected " + SPEC_VERSION);
        }
        var id = header(headers, "ce_id", true);
        var time = header(headers, "ce_time", true);
        try {
            var data = record.value() == null ? null : JSON.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("data of event " + id + " is not a JSON object");
            }
            return new CloudEvent(UUID.fromString(id), header(headers, "ce_source", true),
                    header(headers, "ce_type", true), header(headers, "ce_subject", true), OffsetDateTime.parse(time),
                    header(headers, "ce_correlationid", false), header(headers, "ce_causationid", false), data,
                    header(headers, "ce_traceparent", false));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data of event " + id + " is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("event attributes are invalid: " + e.getMessage());
        }
    }

    private static void header(List<Header> headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(Headers headers, String name, boolean required) {
        var header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            if (required) {
                throw new MalformedEventException("missing CloudEvents attribute " + name);
            }
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
