package dk.kdnet.notifications.delivery;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.DeadLetters;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes every event of every topic once (the inbox, by event id) and, in the same transaction, keeps it whole and
 * records one pending delivery per subscription it is offered to ({@link Matching}), paused ones included, so a paused
 * subscription misses nothing. The workers send them, each redacted for its subscription.
 *
 * <p>A poll's events are recorded in one transaction: a decision brings one charge event per member of its
 * collaboration at once, and a transaction each was most of this service's work. When that transaction fails, the
 * poll's events are taken one at a time, each with its retries, and only one that still fails is parked on the
 * dead-letter topic.
 */
@ApplicationScoped
public class EventRecorder {

    static final String CONSUMER = "notifications.webhooks";
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @Inject
    DeliveryWorker worker;

    @Incoming("events")
    @Blocking
    public void consume(ConsumerRecords<String, String> poll) {
        var records = new ArrayList<ConsumerRecord<String, String>>(poll.count());
        poll.forEach(records::add);
        var offered = new AtomicInteger();
        try {
            // Read once in the transaction, by the first event not seen before.
            var subscriptions = new AtomicReference<List<Subscription>>();
            inbox.handleAll(CONSUMER, records, (record, event) -> {
                subscriptions.compareAndSet(null, Subscription.listAll());
                offered.addAndGet(record(record.topic(), Matching.exact(event, record.value()), subscriptions.get()));
            });
        } catch (RuntimeException e) {
            LOG.warnf("%d events in one transaction failed (%s); taking them one at a time", records.size(), e);
            offered.set(0);
            for (var record : records) {
                try {
                    offered.addAndGet(consumeOne(record));
                } catch (RuntimeException failed) {
                    deadLetters.deadLetter(record, failed);
                }
            }
        }
        // Workers woken for events no subscription is offered would only find nothing to send.
        if (offered.get() > 0) {
            worker.wake();
        }
    }

    /** One event in its own transaction; answers how many subscriptions it was offered to. */
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    int consumeOne(ConsumerRecord<String, String> record) {
        var offered = new AtomicInteger();
        inbox.handle(CONSUMER, record, event -> offered.set(record(record.topic(), Matching.exact(event, record.value()),
                Subscription.listAll())));
        return offered.get();
    }

    /** Answers how many of the subscriptions it is offered to. */
    private int record(String topic, CloudEvent event, List<Subscription> subscriptions) {
        em.createNativeQuery("""
                INSERT INTO webhook_event (id, topic, type, source, subject, occurred_at, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, event.id()).setParameter(2, topic).setParameter(3, event.type())
                .setParameter(4, event.source()).setParameter(5, event.subject()).setParameter(6, event.time())
                .setParameter(7, Matching.body(event)).executeUpdate();
        var offered = 0;
        for (var subscription : subscriptions) {
            if (Matching.offered(subscription, event).isPresent()) {
                offered++;
                em.createNativeQuery("""
                        INSERT INTO delivery (subscription_id, event_id, subject, status, next_attempt_at)
                        VALUES (?1, ?2, ?3, 'PENDING', now())""")
                        .setParameter(1, subscription.id).setParameter(2, event.id()).setParameter(3, event.subject())
                        .executeUpdate();
            }
        }
        return offered;
    }
}
