package dk.kdnet.notifications.delivery;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes every event of every topic once (the inbox, by event id) and, in the same transaction, keeps it whole and
 * records one pending delivery per subscription it is offered to ({@link Matching}), paused ones included, so a paused
 * subscription misses nothing. The workers send them, each redacted for its subscription.
 */
@ApplicationScoped
public class EventRecorder {

    static final String CONSUMER = "notifications.webhooks";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    DeliveryWorker worker;

    @Incoming("events")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        var offered = new AtomicInteger();
        // Workers woken for an event no subscription is offered would only find nothing to send.
        if (inbox.handle(CONSUMER, record, event -> offered.set(record(record.topic(),
                Matching.exact(event, record.value())))) && offered.get() > 0) {
            worker.wake();
        }
    }

    /** Answers how many subscriptions it is offered to. */
    int record(String topic, CloudEvent event) {
        em.createNativeQuery("""
                INSERT INTO webhook_event (id, topic, type, source, subject, occurred_at, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, event.id()).setParameter(2, topic).setParameter(3, event.type())
                .setParameter(4, event.source()).setParameter(5, event.subject()).setParameter(6, event.time())
                .setParameter(7, Matching.body(event)).executeUpdate();
        var offered = 0;
        for (var subscription : Subscription.<Subscription>listAll()) {
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
