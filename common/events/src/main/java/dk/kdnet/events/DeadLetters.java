package dk.kdnet.events;

import dk.kdnet.problems.ProblemException;
import dk.kdnet.web.Page;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Messages a consumer of this service gave up on (after its retries) are parked on the service's
 * dead-letter topic with the reason; this keeps them in the database where an operator sees them
 * and can replay them to their original topic once the cause is fixed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String DLQ_HEADER_PREFIX = "dead-letter-";

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kdnet.events.dead-letter-topic")
    String deadLetterTopic;

    /** One parked message: where it came from, why it was parked, and whether it was replayed. */
    public record DeadLetter(@Schema(required = true) UUID id, @Schema(required = true) String topic, int partition,
            long offset, String key, String value, @Schema(required = true) Map<String, String> headers,
            @Schema(required = true) String reason, @Schema(required = true) OffsetDateTime parkedAt,
            OffsetDateTime replayedAt,
            int replayCount) {}

    @Incoming("dead-letters")
    @Blocking
    @Transactional
    public void park(ConsumerRecord<String, String> record) {
        var headers = new LinkedHashMap<String, String>();
        record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8)));
        var topic = headers.getOrDefault(DLQ_HEADER_PREFIX + "topic", record.topic());
        var partition = Integer.parseInt(headers.getOrDefault(DLQ_HEADER_PREFIX + "partition", "-1"));
        var offset = Long.parseLong(headers.getOrDefault(DLQ_HEADER_PREFIX + "offset",
        Long.toString(-record.offset())));
        var reason = headers.getOrDefault(DLQ_HEADER_PREFIX + "reason", "unknown");
        em.createNativeQuery("""
                INSERT INTO dead_letter (id, topic, kafka_partition, kafka_offset, event_key, value, headers, reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, offset)
                .setParameter(5, record.key())
                .setParameter(6, record.value())
                .setParameter(7, CloudEvent.JSON.valueToTree(headers).toString())
                .setParameter(8, reason)
                .executeUpdate();
        LOG.warnf("parked a message from %s[%d]@%d: %s", topic, partition, offset, reason);
    }

    /**
     * Parks a message on this service's dead-letter topic as SmallRye's dead-letter strategy does (the same headers),
     * for a consumer that handles a poll at a time and so gives up on one record itself; returns once Kafka has it.
     */
    public void deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        var headers = new ArrayList<Header>();
        record.headers().forEach(headers::add);
        header(headers, "reason", reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage());
        header(headers, "exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            header(headers, "cause", String.valueOf(reason.getCause().getMessage()));
            header(headers, "cause-class-name", reason.getCause().getClass().getName());
        }
        header(headers, "topic", record.topic());
        header(headers, "partition", Integer.toString(record.partition()));
        header(headers, "offset", Long.toString(record.offset()));
        relay.sendNow(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers));
        LOG.warnf("gave up on a message from %s[%d]@%d: %s", record.topic(), record.partition(), record.offset(),
                reason);
    }

    private static void header(List<Header> headers, String name, String value) {
        headers.add(new RecordHeader(DLQ_HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Transactional
    public Page<DeadLetter> list(int page, int size) {
        var total = ((Number) em.createNativeQuery("SELECT count(*) FROM dead_letter").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " ORDER BY parked_at DESC, id LIMIT ?1 OFFSET ?2")
                .setParameter(1, size)
                .setParameter(2, page * size)
                .getResultList();
        return new Page<>(rows.stream().map(DeadLetters::deadLetter).toList(), page, size, total);
    }

    /**
     * Sends the message again to its original topic with its original headers; the consumer's inbox
     * makes a replay of something already processed harmless.
     */
    @Transactional
    public DeadLetter replay(UUID id) {
        var letter = find(id);
        var headers = new ArrayList<Header>();
        letter.headers().forEach((key, value) -> {
            if (!key.startsWith(DLQ_HEADER_PREFIX)) {
                headers.add(new RecordHeader(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        relay.sendNow(new ProducerRecord<>(letter.topic(), null, letter.key(), letter.value(), headers));
        em.createNativeQuery("UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        LOG.infof("replayed dead letter %s to %s", id, letter.topic());
        return find(id);
    }

    private DeadLetter find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException.NotFound("dead letter", id);
        }
        return deadLetter(rows.get(0));
    }

    private static final String SELECT = """
            SELECT id, topic, kafka_partition, kafka_offset, event_key, value, CAST(headers AS text), reason,
                   parked_at, replayed_at, replay_count
            FROM dead_letter""";

    @SuppressWarnings("unchecked")
    private static DeadLetter deadLetter(Object[] row) {
        try {
            return new DeadLetter((UUID) row[0], (String) row[1], ((Number) row[2]).intValue(),
                    ((Number) row[3]).longValue(), (String) row[4], (String) row[5],
                    CloudEvent.JSON.readValue((String) row[6], Map.class), (String) row[7],
                    toOffsetDateTime(row[8]), toOffsetDateTime(row[9]), ((Number) row[10]).intValue());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime odt -> odt;
            case java.time.Instant instant -> instant.atOffset(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp ts -> ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected time " + value.getClass());
        };
    }
}
