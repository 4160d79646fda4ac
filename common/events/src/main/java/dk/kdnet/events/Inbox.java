package dk.kdnet.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Handles each event once per consumer: the event id is recorded in the same transaction as the
 * handler's changes, so a redelivered event finds its id and changes nothing.
 *
 * <p>Callers put their retry policy around {@link #handle}, so each attempt is a fresh transaction.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    Tracing tracing;

    @Inject
    MeterRegistry metrics;

    /**
     * Answers false when the event was handled before. The correlation spans the transaction, so the
     * audit revision written at commit carries it too.
     */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        return handle(consumer, record, event -> true, handler);
    }

    /**
     * As {@link #handle(String, ConsumerRecord, Consumer)}, for a consumer that acts on only some events of its topic:
     * one it has nothing to do with ({@code relevant} answers false; it may throw {@link MalformedEventException}) costs
     * no transaction and leaves no inbox row, since handling it again would change nothing either. Counted in
     * {@code kdnet.inbox.skipped}.
     */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Predicate<CloudEvent> relevant,
            Consumer<CloudEvent> handler) {
        var event = CloudEvent.fromRecord(record);
        if (!relevant.test(event)) {
            Counter.builder("kdnet.inbox.skipped").description("Events a consumer had nothing to do with")
                    .tag("consumer", consumer).tag("type", event.type()).register(metrics).increment();
            return false;
        }
        Correlation.beginFrom(event);
        var started = System.nanoTime();
        try {
            return tracing.handling(consumer, event,
                    () -> QuarkusTransaction.requiringNew().call(() -> handleOnce(consumer, event, handler)));
        } finally {
            // A hop's own work (its transaction, commit included), apart from the waits between hops: bench/flow.sh
            // sets the flow's end-to-end time beside the sum of these.
            Timer.builder("kdnet.inbox.handling").description("Handling of one event in its transaction, commit included")
                    .tag("consumer", consumer).tag("type", event.type()).register(metrics)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Correlation.end();
        }
    }

    /**
     * Handles a poll's records in one transaction, each once as {@link #handle} would, in their order; answers how
     * many were new. All or nothing: when one fails (a {@link MalformedEventException} included) none is recorded, and
     * the caller takes them one at a time, so that only the one that fails is given up on. For a consumer whose
     * handling writes no audited entity: the transaction's one audit revision could carry only one event's
     * correlation.
     */
    public int handleAll(String consumer, List<ConsumerRecord<String, String>> records,
            BiConsumer<ConsumerRecord<String, String>, CloudEvent> handler) {
        var events = records.stream().map(CloudEvent::fromRecord).toList();
        var started = System.nanoTime();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                var handled = 0;
                for (int i = 0; i < events.size(); i++) {
                    var record = records.get(i);
                    var event = events.get(i);
                    if (tracing.handling(consumer, event, () -> handleOnce(consumer, event,
                            e -> handler.accept(record, e)))) {
                        handled++;
                    }
                }
                return handled;
            });
        } finally {
            Timer.builder("kdnet.inbox.batch.handling")
                    .description("Handling of one poll's events in one transaction, commit included")
                    .tag("consumer", consumer).register(metrics)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private boolean handleOnce(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
        var inserted = em.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            LOG.infof("%s: event %s %s seen before, skipped", consumer, event.type(), event.id());
            return false;
        }
        handler.accept(event);
        LOG.infof("%s: handled %s %s subject=%s", consumer, event.type(), event.id(), event.subject());
        return true;
    }
}
