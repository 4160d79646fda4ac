package dk.kdnet.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
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
    public void publish(DomainEvent event) {
        var id = publishAll(List.of(event)).get(0);
        LOG.infof("event %s %s subject=%s", event.type(), id, event.subject());
    }

    /**
     * Many events of one change (a recalculation touching thousands of charges) in one statement, in the order
     * given; answers their ids. Straight through JDBC: it neither flushes the session nor parses a statement per
     * event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        var ids = new UUID[events.size()];
        var topics = new String[ids.length];
        var subjects = new String[ids.length];
        var types = new String[ids.length];
        var data = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            var event = events.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = event.topic();
            subjects[i] = event.subject();
            types[i] = event.type();
            data[i] = json(event);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, "/kdnet/" + source);
                insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(3, Correlation.currentId());
                insert.setString(4, Correlation.currentCause());
                insert.setArray(5, connection.createArrayOf("uuid", ids));
                insert.setArray(6, connection.createArrayOf("text", topics));
                insert.setArray(7, connection.createArrayOf("text", subjects));
                insert.setArray(8, connection.createArrayOf("text", types));
                insert.setArray(9, connection.createArrayOf("text", data));
                insert.executeUpdate();
            }
        });
        relay.wakeUpAfterCommit();
        return List.of(ids);
    }

    private static String json(DomainEvent event) {
        try {
            return CloudEvent.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.type() + " cannot be written as JSON", e);
        }
    }

    // The key is the subject (the aggregate's id). Rows are numbered (seq) in the order of the arrays, which is the
    // order the relay publishes them in.
    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, event_key, type, source, subject, occurred_at, correlation_id,
                                      causation_id, data)
            SELECT e.id, e.topic, e.subject, e.type, ?, e.subject, ?, ?, ?, CAST(e.data AS jsonb)
            FROM unnest(?, ?, ?, ?, ?) WITH ORDINALITY AS e(id, topic, subject, type, data, n)
            ORDER BY e.n""";
}