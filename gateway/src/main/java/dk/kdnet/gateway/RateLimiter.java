package dk.kdnet.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Each client's requests per window, counted by every gateway instance together: the buckets live in the gateway's
 * database (Bucket4j's PostgreSQL proxy manager, SELECT ... FOR UPDATE).
 * <p>
 * With {@code local-requests} above 0 (the default) a request never waits for the database: each instance answers
 * from its own copy of a client's bucket, on the event loop, and settles what it let through with the shared bucket
 * in the background: at its first request (the client may have spent its budget at other instances), after each
 * {@code local-requests} of them, and every {@code local-for} while some are unsettled; the copy then takes the shared
 * bucket's level. All instances together may let a client through by about that many requests per
 * instance more than the limit, for a moment. With {@code local-requests} 0 every request settles before it is
 * answered ({@link #tryConsumeShared}, blocking), and the instances' counts are exact at once.
 * <p>
 * If the database cannot be reached, each instance counts alone until it can again.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final Duration RETRY_SHARED = Duration.ofSeconds(10);

    private final GatewayConfig.RateLimit limit;
    private final BucketConfiguration configuration;
    /** In every key: a changed limit starts new buckets rather than inheriting those counted under the old one. */
    private final String prefix;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final Vertx vertx;

    /** Bounded, so a flood of distinct callers cannot grow them without end. */
    private final Cache<String, Budget> budgets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private volatile boolean degraded;
    private volatile long degradedSince;

    @Inject
    public RateLimiter(DataSource dataSource, GatewayConfig config, Vertx vertx) {
        this(dataSource, config.rateLimit(), vertx);
    }

    RateLimiter(DataSource dataSource, GatewayConfig.RateLimit limit, Vertx vertx) {
        this.limit = limit;
        this.vertx = vertx;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per())
                        .build())
                .build();
        this.prefix = limit.requests() + "/" + limit.per() + ":";
        this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                // A bucket that has filled up again is the same as none: its row may go.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        if (limit.localRequests() > 0) {
            vertx.setPeriodic(limit.localFor().toMillis(), id -> budgets.asMap().values().forEach(budget -> {
                if (budget.unsettled.get() > 0) {
                    budget.settleSoon();
                }
            }));
        }
    }

    /** Whether every request must settle with the database before it is answered ({@code local-requests} 0). */
    public boolean settlesEveryRequest() {
        return limit.localRequests() == 0;
    }

    /** Takes one request from the client's budget in this instance's copy; never blocks. */
    public ConsumptionProbe tryConsume(String clientName) {
        var client = prefix + clientName;
        return budgets.get(client, Budget::new).tryConsume();
    }

    /** Whether all this instance let the client through has been taken from the shared bucket. */
    boolean settled(String clientName) {
        var budget = budgets.getIfPresent(prefix + clientName);
        return budget == null || budget.synced && budget.unsettled.get() == 0 && !budget.settling.get();
    }

    /** Takes one request from the client's budget in the database; blocks. */
    public ConsumptionProbe tryConsumeShared(String clientName) {
        var client = prefix + clientName;
        var budget = budgets.get(client, Budget::new);
        if (sharedUnreachable()) {
            return budget.local.tryConsumeAndReturnRemaining(1);
        }
        try {
            var probe = budget.shared.tryConsumeAndReturnRemaining(1);
            reachable();
            return probe;
        } catch (RuntimeException e) {
            unreachable(e);
            return budget.local.tryConsumeAndReturnRemaining(1);
        }
    }

    /** After a failure, the database is not asked again for a while: the instance counts alone meanwhile. */
    private boolean sharedUnreachable() {
        return degraded && System.nanoTime() - degradedSince < RETRY_SHARED.toNanos();
    }

    private void reachable() {
        if (degraded) {
            degraded = false;
            LOG.info("rate limit: the database answers again; the budget is shared again");
        }
    }

    private void unreachable(RuntimeException e) {
        if (!degraded) {
            LOG.warnf("rate limit: database unreachable (%s); counting in this instance alone", e.getMessage());
        }
        degradedSince = System.nanoTime();
        degraded = true;
    }

    /** One client's budget in this instance: its own copy of the bucket, kept in step with the shared one. */
    private final class Budget {
        final Bucket local = Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
        final BucketProxy shared;
        /** Requests let through by the copy and not yet taken from the shared bucket. */
        final AtomicLong unsettled = new AtomicLong();
        final AtomicBoolean settling = new AtomicBoolean();
        /** Whether the copy has had the shared level once. */
        volatile boolean synced;

        Budget(String client) {
            shared = RateLimiter.this.shared.builder().build(client, () -> configuration);
        }

        ConsumptionProbe tryConsume() {
            var probe = local.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                unsettled.incrementAndGet();
            }
            if (!synced || unsettled.get() >= limit.localRequests()) {
                settleSoon();
            }
            return probe;
        }

        void settleSoon() {
            if (!sharedUnreachable() && settling.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    settle();
                    return null;
                }, false);
            }
        }

        private void settle() {
            var taken = unsettled.getAndSet(0);
            try {
                var available = taken > 0
                        ? shared.asVerbose().consumeIgnoringRateLimits(taken).getDiagnostics().getAvailableTokens()
                        : shared.getAvailableTokens();
                reachable();
                synced = true;
                // The copy takes the shared level, less what it let through while this settled.
                var behind = local.getAvailableTokens() - (available - unsettled.get());
                if (behind > 0) {
                    local.consumeIgnoringRateLimits(behind);
                } else if (behind < 0) {
                    local.addTokens(-behind);
                }
            } catch (RuntimeException e) {
                unsettled.addAndGet(taken);
                unreachable(e);
            } finally {
                settling.set(false);
            }
            // What came in meanwhile, when that is enough to settle again.
            if (unsettled.get() >= limit.localRequests()) {
                settleSoon();
            }
        }
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = shared.removeExpired(1_000);
            } while (removed == 1_000);
        } catch (RuntimeException e) {
            LOG.warnf("rate limit: expired buckets not removed (%s)", e.getMessage());
        }
    }
}
