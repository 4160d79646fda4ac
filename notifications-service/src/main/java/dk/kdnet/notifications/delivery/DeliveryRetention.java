package dk.kdnet.notifications.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps delivered deliveries and the events behind them for {@code kdnet.events.retention} (7 days, as long as the
 * inbox remembers an event), so a range can be replayed that far back; undelivered ones are kept however old.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kdnet.events.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        var seconds = retention.toSeconds();
        var deliveries = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                DELETE FROM delivery WHERE status = 'DELIVERED' AND delivered_at < now() - make_interval(secs => ?1)""")
                .setParameter(1, seconds).executeUpdate());
        var events = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                DELETE FROM webhook_event e WHERE e.received_at < now() - make_interval(secs => ?1)
                  AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.event_id = e.id)""")
                .setParameter(1, seconds).executeUpdate());
        if (deliveries + events > 0) {
            LOG.infof("purged %d deliveries and %d events older than %s", deliveries, events, retention);
        }
    }
}
