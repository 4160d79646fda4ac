package dk.kdnet.economy.recalculation;

import dk.kdnet.events.Correlation;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.problems.ProblemException.NotFound;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records each recalculation's progress where the secretariat can read it ({@code /api/economy/recalculations}) and
 * Prometheus can scrape it. The recalculation runs in one transaction. One of many schemes (from
 * {@code kdnet.economy.recalculation.shown-from}) has its record written in transactions of its own (at the start, at
 * most every {@code kdnet.economy.recalculation.progress-interval}, when all schemes are calculated), so it is visible
 * while the work is not yet committed, and says DONE or FAILED after the commit or rollback. Those writes run one after
 * another on a thread of their own, not the recalculation's: it neither waits for them nor holds a second connection
 * of the pool while it has one. One of a few schemes is over in milliseconds: its record is written once, DONE, in its
 * own transaction ({@link Progress#finish}), and FAILED after a rollback.
 */
@ApplicationScoped
public class Recalculations {

    private static final Logger LOG = Logger.getLogger(Recalculations.class);

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kdnet.economy.recalculation.progress-interval", defaultValue = "1s")
    Duration progressInterval;

    @ConfigProperty(name = "kdnet.economy.recalculation.shown-from")
    int shownFrom;

    @ConfigProperty(name = "kdnet.events.retention", defaultValue = "P7D")
    Duration retention;

    /** The recalculations running in this instance, for the gauges. */
    private final Map<UUID, Progress> running = new ConcurrentHashMap<>();

    private final Executor writer = Executors.newVirtualThreadPerTaskExecutor();

    @PostConstruct
    void registerMetrics() {
        Gauge.builder("kdnet.recalculation.running", running, Map::size)
                .description("Recalculations running in this instance").register(metrics);
        Gauge.builder("kdnet.recalculation.schemes.done", running,
                        r -> r.values().stream().mapToInt(p -> p.done.get()).sum())
                .description("Schemes calculated so far by the recalculations running in this instance")
                .register(metrics);
        Gauge.builder("kdnet.recalculation.schemes.planned", running,
                        r -> r.values().stream().mapToInt(p -> p.total).sum())
                .description("Schemes to calculate in all by the recalculations running in this instance")
                .register(metrics);
    }

    public record Listing(List<Recalculation> items, long total) {}

    /** The recalculations, latest first, optionally in one state. */
    public Listing list(Recalculation.State state, int page, int size) {
        var sort = Sort.descending("startedAt").and("id");
        var query = state == null ? Recalculation.<Recalculation>findAll(sort)
                : Recalculation.<Recalculation>find("state", sort, state);
        return new Listing(query.page(page, size).list(), query.count());
    }

    public Recalculation get(UUID id) {
        return Recalculation.<Recalculation>findByIdOptional(id).orElseThrow(() -> new NotFound("recalculation", id));
    }

    /**
     * Called inside the recalculation's transaction, before its first scheme, with what caused it (the event, if
     * any, and the decision behind it).
     */
    public Progress start(UUID causeEventId, String causeEventType, DecisionReference decision, int total) {
        var id = UUID.randomUUID();
        var startedAt = Instant.now();
        var correlationId = Correlation.currentId();
        var progress = new Progress(id, total, total >= shownFrom, (state, done) -> em.createNativeQuery("""
                INSERT INTO recalculation (id, state, done, total, cause_event_id, cause_event_type, decision_id,
                                           correlation_id, started_at, updated_at, finished_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, clock_timestamp(),
                        CASE WHEN CAST(?2 AS text) = 'RUNNING' THEN NULL ELSE clock_timestamp() END)""")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, done)
                .setParameter(4, total).setParameter(5, causeEventId).setParameter(6, causeEventType)
                .setParameter(7, decision == null ? null : decision.decisionId()).setParameter(8, correlationId)
                .setParameter(9, startedAt)
                .executeUpdate());
        if (progress.shown) {
            progress.then(() -> progress.insert.write(Recalculation.State.RUNNING, 0));
        }
        running.put(progress.id, progress);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                running.remove(progress.id);
                var done = progress.done.get();
                if (!progress.shown) {
                    // Committed, its record came with it (finish); rolled back, so did the record.
                    if (status != Status.STATUS_COMMITTED) {
                        progress.then(() -> progress.insert.write(Recalculation.State.FAILED, done));
                    }
                    return;
                }
                var state = status == Status.STATUS_COMMITTED ? Recalculation.State.DONE : Recalculation.State.FAILED;
                progress.then(() -> em.createNativeQuery("""
                                UPDATE recalculation SET state = ?2, done = ?3, updated_at = now(), finished_at = now()
                                WHERE id = ?1""")
                        .setParameter(1, progress.id).setParameter(2, state.name()).setParameter(3, done)
                        .executeUpdate());
            }
        });
        return progress;
    }

    private void write(Progress progress) {
        if (!progress.shown) {
            return;
        }
        progress.lastWrite = System.nanoTime();
        var done = progress.done.get();
        progress.then(() -> em.createNativeQuery(
                        "UPDATE recalculation SET done = ?2, updated_at = now() WHERE id = ?1 AND state = 'RUNNING'")
                .setParameter(1, progress.id).setParameter(2, done).executeUpdate());
    }

    /**
     * Forgets finished recalculations older than the events' retention, and marks FAILED what an instance that died
     * left RUNNING (its transaction rolled back with it; a live one writes its progress every interval).
     */
    @Scheduled(every = "${kdnet.events.purge.every:1h}", delayed = "${kdnet.events.purge.delay:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                            UPDATE recalculation SET state = 'FAILED', finished_at = now()
                            WHERE state = 'RUNNING' AND updated_at < now() - interval '1 hour'""")
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM recalculation WHERE finished_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, (double) retention.toSeconds()).executeUpdate();
        });
    }

    @FunctionalInterface
    private interface RecordWrite {
        void write(Recalculation.State state, int done);
    }

    /** A recalculation under way: iterate its schemes through {@link #track} and each one counts as done. */
    public final class Progress {

        private final UUID id;
        private final int total;
        /** Recorded while it runs, not only once done. */
        private final boolean shown;
        /** Inserts its record in the current transaction. */
        private final RecordWrite insert;
        private final AtomicInteger done = new AtomicInteger();
        private long lastWrite = System.nanoTime();
        /** Its writes, in order. */
        private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

        private Progress(UUID id, int total, boolean shown, RecordWrite insert) {
            this.id = id;
            this.total = total;
            this.shown = shown;
            this.insert = insert;
        }

        public UUID id() {
            return id;
        }

        /**
         * Called in the recalculation's transaction once its work is written: a recalculation of a few schemes has its
         * record written now, DONE, committed with it.
         */
        public void finish() {
            if (!shown) {
                insert.write(Recalculation.State.DONE, done.get());
            }
        }

        private synchronized void then(Runnable statement) {
            writes = writes.thenRunAsync(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(statement);
                } catch (RuntimeException e) {
                    LOG.warnf("recalculation %s: progress not recorded (%s)", id, e.getMessage());
                }
            }, writer);
        }

        /** The schemes, each counted done when the loop moves past it; the last when the loop ends. */
        public <T> Iterable<T> track(List<T> schemes) {
            return () -> new Iterator<>() {
                private final Iterator<T> each = schemes.iterator();
                private boolean started;

                @Override
                public boolean hasNext() {
                    var more = each.hasNext();
                    if (!more && started && done.get() < total) {
                        done.incrementAndGet();
                        write(Progress.this);
                    }
                    return more;
                }

                @Override
                public T next() {
                    if (started) {
                        done.incrementAndGet();
                        if (System.nanoTime() - lastWrite >= progressInterval.toNanos()) {
                            write(Progress.this);
                        }
                    }
                    started = true;
                    return each.next();
                }
            };
        }
    }
}
