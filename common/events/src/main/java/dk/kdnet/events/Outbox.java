package dk.kdnet.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

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
        var published = publishAll(List.of(event)).get(0);
        LOG.infof("event %s %s subject=%s", published.type(), published.id(), published.subject());
        return published;
    }

    /**
     * Many events of one change (a recalculation touching thousands of charges) in multi-row inserts,
     * in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> publishAll(List<? extends DomainEvent> events) {
        var cloudEvents = new ArrayList<CloudEvent>(events.size());
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            var chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            var sql = new StringBuilder("""
                    INSERT INTO outbox_event (id, topic, event_key, type, source, subject, occurred_at,
                                              correlation_id, causation_id, data, traceparent) VALUES """);
            for (int i = 0; i < chunk.size(); i++) {
                var p = i * COLUMNS;
                sql.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, CAST(?%d AS jsonb), ?%d)"
                        .formatted(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9, p + 10, p + 11));
            }
            var insert = em.createNativeQuery(sql.toString());
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            var traceparent = Tracing.currentTraceparent();
            for (int i = 0; i < chunk.size(); i++) {
                var event = chunk.get(i);
                var cloudEvent = new CloudEvent(UUID.randomUUID(), "/kdnet/" + source, event.type(), event.subject(),
                        now, Correlation.currentId(), Correlation.currentCause(), CloudEvent.JSON.valueToTree(event),
                        traceparent);
                var p = i * COLUMNS;
                insert.setParameter(p + 1, cloudEvent.id())
                        .setParameter(p + 2, event.topic())
                        .setParameter(p + 3, event.subject())
                        .setParameter(p + 4, cloudEvent.type())
                        .setParameter(p + 5, cloudEvent.source())
                        .setParameter(p + 6, cloudEvent.subject())
                        .setParameter(p + 7, cloudEvent.time())
                        .setParameter(p + 8, cloudEvent.correlationId())
                        .setParameter(p + 9, cloudEvent.causationId())
                        .setParameter(p + 10, cloudEvent.data().toString())
                        .setParameter(p + 11, traceparent);
                cloudEvents.add(cloudEvent);
            }
            insert.executeUpdate();
        }
        if (!cloudEvents.isEmpty()) {
            // The connection's backend names this commit in its notification to the relays (V0_6__outbox_notify).
            relay.wakeUpAfterCommit(em.unwrap(Session.class)
                    .doReturningWork(connection -> connection.unwrap(PGConnection.class).getBackendPID()));
        }
        return cloudEvents;
    }

    private static final int COLUMNS = 11;

    /** PostgreSQL takes at most 65,535 parameters per statement; 11 per row. */
    private static final int ROWS_PER_INSERT = 1_000;
}
