package dk.kdnet.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Each client's requests per window, counted by every gateway instance together: the buckets live in the gateway's
 * database (Bucket4j's PostgreSQL proxy manager, SELECT ... FOR UPDATE). So that a request does not cost a round trip
 * to it, each instance serves up to {@code local-requests} of a client's requests from its own copy of the bucket and
 * settles them with the shared one on the next request after that, or after {@code local-for} (Bucket4j's delaying
 * optimization): all instances together may let a client through by that many requests per instance more than the
 * limit, for a moment. If the database cannot be reached, each instance counts alone until it can again.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final GatewayConfig.RateLimit limit;
    private final BucketConfiguration configuration;
    /** In every key: a changed limit starts new buckets rather than inheriting those counted under the old one. */
    private final String prefix;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

    /** Bounded, so a flood of distinct callers cannot grow them without end. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> alone = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private static final Duration RETRY_SHARED = Duration.ofSeconds(10);
    private volatile boolean degraded;
    private volatile long degradedSince;

    @Inject
    public RateLimiter(DataSource dataSource, GatewayConfig config) {
        this.limit = config.rateLimit();
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
    }

    /** Takes one request from the client's budget; blocks when it settles with the database. */
    public ConsumptionProbe tryConsume(String clientName) {
        var client = prefix + clientName;
        // After a failure, requests do not each wait for the database again: it is tried again after a while.
        if (degraded && System.nanoTime() - degradedSince < RETRY_SHARED.toNanos()) {
            return countAlone(client);
        }
        try {
            var probe = buckets.get(client, this::sharedBucket).tryConsumeAndReturnRemaining(1);
            if (degraded) {
                degraded = false;
                LOG.info("rate limit: the database answers again; the budget is shared again");
            }
            return probe;
        } catch (RuntimeException e) {
            if (!degraded) {
                LOG.warnf("rate limit: database unreachable (%s); counting in this instance alone", e.getMessage());
            }
            degradedSince = System.nanoTime();
            degraded = true;
            buckets.invalidate(client);
            return countAlone(client);
        }
    }

    private ConsumptionProbe countAlone(String client) {
        return alone.get(client, key -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }

    private Bucket sharedBucket(String client) {
        var builder = shared.builder();
        if (limit.localRequests() > 0) {
            builder = builder.withOptimization(
                    Optimizations.delaying(new DelayParameters(limit.localRequests(), limit.localFor())));
        }
        return builder.build(client, () -> configuration);
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
