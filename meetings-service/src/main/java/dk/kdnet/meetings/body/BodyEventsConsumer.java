package dk.kdnet.meetings.body;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.groups.BodyChanged;
import dk.kdnet.events.groups.BodyEvent;
import dk.kdnet.events.groups.BodyRegistered;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the body read model from groups-service's events, each event once. */
@ApplicationScoped
public class BodyEventsConsumer {

    private static final Logger LOG = Logger.getLogger(BodyEventsConsumer.class);
    static final String CONSUMER = "meetings.bodies";

    @Inject
    Inbox inbox;

    @Incoming("groups-bodies")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.as(BodyEvent.class).orElse(null)) {
            case BodyRegistered b -> {
                upsert(b.bodyId(), b.kind(), b.name(), b.shortName(), b.parentBodyId(), b.validFrom(), b.validTo());
            }
            case BodyChanged b -> {
                upsert(b.bodyId(), b.kind(), b.name(), b.shortName(), b.parentBodyId(), b.validFrom(), b.validTo());
            }
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void upsert(UUID id, String kind, String name, String shortName, UUID parent, LocalDate from,
            LocalDate to) {
        if (id == null || name == null) {
            throw new MalformedEventException("body event lacks bodyId or name");
        }
        var body = Body.<Body>findByIdOptional(id).orElseGet(Body::new);
        body.id = id;
        body.kind = kind;
        body.name = name;
        body.shortName = shortName;
        body.parentBodyId = parent;
        body.validFrom = from;
        body.validTo = to;
        body.persist();
    }
}
