package dk.kdnet.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes events in the same transaction as the change they describe; {@link OutboxRelay} publishes
 * them after commit. An event of a rolled-back change is never published.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(DomainEvent event) {
        var cloudEvent = new CloudEvent(UUID.randomUUID(), "/kdnet/" + source, event.type(), event.subject(),
                OffsetDateTime.now(ZoneOffset.UTC), Correlation.currentId(), Correlation.currentCause(),
                CloudEvent.JSON.valueToTree(event));
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, source, subject, occurred_at,
                                          correlation_id, causation_id, data)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb))""")
                .setParameter(1, cloudEvent.id())
                .setParameter(2, event.topic())
                .setParameter(3, event.subject())
                .setParameter(4, cloudEvent.type())
                .setParameter(5, cloudEvent.source())
                .setParameter(6, cloudEvent.subject())
                .setParameter(7, cloudEvent.time())
                .setParameter(8, cloudEvent.correlationId())
                .setParameter(9, cloudEvent.causationId())
                .setParameter(10, cloudEvent.data().toString())
                .executeUpdate();
        relay.wakeUpAfterCommit();
        LOG.infof("event %s %s subject=%s", cloudEvent.type(), cloudEvent.id(), cloudEvent.subject());
        return cloudEvent;
    }
}
