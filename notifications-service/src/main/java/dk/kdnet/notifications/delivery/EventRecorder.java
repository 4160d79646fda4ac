package dk.kdnet.notifications.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.notifications.subscription.Subscription;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes every event of every topic once (the inbox, by event id) and, in the same transaction, keeps it and records
 * one pending delivery per subscription it matches, paused ones included, so a paused subscription misses nothing.
 * The workers send them.
 */
@ApplicationScoped
public class EventRecorder {

    static final String CONSUMER = "notifications.webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

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
        if (inbox.handle(CONSUMER, record, event -> record(record.topic(), event))) {
            worker.wake();
        }
    }

    void record(String topic, CloudEvent event) {
        em.createNativeQuery("""
                INSERT INTO webhook_event (id, topic, type, source, subject, occurred_at, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, event.id()).setParameter(2, topic).setParameter(3, event.type())
                .setParameter(4, event.source()).setParameter(5, event.subject()).setParameter(6, event.time())
                .setParameter(7, payload(event)).executeUpdate();
        for (var subscription : Subscription.<Subscription>listAll()) {
            if (Matching.matches(subscription, event.type(), event.subject(), event.data())) {
                em.createNativeQuery("""
                        INSERT INTO delivery (subscription_id, event_id, subject, status, next_attempt_at)
                        VALUES (?1, ?2, ?3, 'PENDING', now())""")
                        .setParameter(1, subscription.id).setParameter(2, event.id()).setParameter(3, event.subject())
                        .executeUpdate();
            }
        }
    }

    /** The webhook's body: the CloudEvent in JSON (structured mode), the same bytes on every attempt. */
    static String payload(CloudEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("specversion", CloudEvent.SPEC_VERSION);
        body.put("id", event.id().toString());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.put("datacontenttype", CloudEvent.CONTENT_TYPE);
        body.set("data", event.data());
        return body.toString();
    }
}
