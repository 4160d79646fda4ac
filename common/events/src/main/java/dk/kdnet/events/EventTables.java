package dk.kdnet.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and inbox tables bounded and shows their state at /q/metrics. Published outbox rows and
 * inbox ids older than {@code kdnet.events.retention} (7 days: longer than any redelivery, after which a
 * duplicate could no longer be recognised) are deleted in batches, each its own transaction, so a purge never
 * holds many locks or a long transaction. Every instance may purge; they only delete the same rows.
 */
@Startup
@ApplicationScoped
public class EventTables {

    private static final Logger LOG = Logger.getLogger(EventTables.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kdnet.events.retention", defaultValue = "P7D")
    Duration retention;

    @ConfigProperty(name = "kdnet.events.purge.batch-size", defaultValue = "5000")
    int batchSize;

    /** What the tables hold, read at most every few seconds however often Prometheus asks. */
    record Snapshot(long backlog, double oldestUnpublishedAgeSeconds, long outboxRows, long inboxRows, long deadLetters,
            long takenAt) {}

    private volatile Snapshot snapshot;
    private Counter purgedOutbox;
    private Counter purgedInbox;

    @jakarta.annotation.PostConstruct
    void registerMetrics() {
        gauge("kdnet.outbox.backlog", "Outbox events not yet acknowledged by Kafka", Snapshot::backlog);
        gauge("kdnet.outbox.oldest.unpublished.age.seconds", "Age of the oldest outbox event not yet published (0 when none)",
                Snapshot::oldestUnpublishedAgeSeconds);
        gauge("kdnet.outbox.rows", "Rows in the outbox table, published or not", Snapshot::outboxRows);
        gauge("kdnet.inbox.rows", "Event ids in the inbox table", Snapshot::inboxRows);
        gauge("kdnet.dead.letters", "Messages parked on the dead-letter topic and not replayed", Snapshot::deadLetters);
        purgedOutbox = Counter.builder("kdnet.events.purged").tag("table", "outbox_event")
                .description("Rows deleted by the retention purge").register(metrics);
        purgedInbox = Counter.builder("kdnet.events.purged").tag("table", "inbox_event")
                .description("Rows deleted by the retention purge").register(metrics);
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, tables -> value.applyAsDouble(tables.snapshot())).description(description)
                .register(metrics);
    }

    Snapshot snapshot() {
        var current = snapshot;
        if (current != null && System.nanoTime() - current.takenAt() < Duration.ofSeconds(5).toNanos()) {
            return current;
        }
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var row = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM outbox_event WHERE published_at IS NULL),
                               (SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
                                  FROM outbox_event WHERE published_at IS NULL),
                               (SELECT count(*) FROM outbox_event),
                               (SELECT count(*) FROM inbox_event),
                               (SELECT count(*) FROM dead_letter WHERE replayed_at IS NULL)""")) {
            row.next();
            current = new Snapshot(row.getLong(1), Math.max(0, row.getDouble(2)), row.getLong(3), row.getLong(4),
                    row.getLong(5), System.nanoTime());
            snapshot = current;
            return current;
        } catch (SQLException e) {
            LOG.warnf("event table metrics: %s", e.getMessage());
            return current == null ? new Snapshot(0, 0, 0, 0, 0, 0) : current;
        }
    }

    @Scheduled(every = "${kdnet.events.purge.every:1h}", delayed = "${kdnet.events.purge.delay:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            purge();
        } catch (SQLException e) {
            LOG.warnf("event table purge: %s; next time", e.getMessage());
        }
    }

    /** Deletes what the retention lets go; answers how many outbox rows and inbox ids it deleted. */
    public long[] purge() throws SQLException {
        var outbox = deleteInBatches("""
                DELETE FROM outbox_event WHERE seq IN (
                    SELECT seq FROM outbox_event
                    WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => ?)
                    ORDER BY seq LIMIT ?)""");
        var inbox = deleteInBatches("""
                DELETE FROM inbox_event WHERE (consumer, event_id) IN (
                    SELECT consumer, event_id FROM inbox_event
                    WHERE processed_at < now() - make_interval(secs => ?) LIMIT ?)""");
        purgedOutbox.increment(outbox);
        purgedInbox.increment(inbox);
        if (outbox + inbox > 0) {
            LOG.infof("purged %d published outbox events and %d inbox ids older than %s", outbox, inbox, retention);
        }
        snapshot = null;
        return new long[] {outbox, inbox};
    }

    private long deleteInBatches(String delete) throws SQLException {
        long deleted = 0;
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(delete)) {
            connection.setAutoCommit(true);
            int batch;
            do {
                statement.setDouble(1, retention.toSeconds());
                statement.setInt(2, batchSize);
                batch = statement.executeUpdate();
                deleted += batch;
            } while (batch == batchSize);
        }
        return deleted;
    }
}
