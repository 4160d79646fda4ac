package dk.kdnet.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each distinct bearer token once per instance instead of on every request: a client sends
 * the same token for its whole lifetime, and checking its RSA signature again was the largest single
 * cost of a request (the gateway and the service each did it). The key is the whole token, signature
 * included, so only the very token that passed verification hits; a hit past the token's {@code exp}
 * goes to the verifier again, which refuses it (allowing the configured clock skew, as on first use).
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokens implements JWTParser {

    /** How long a verified token is trusted without verifying it again, at most: a rotated-out key stops counting by then. */
    static final Duration TRUST = Duration.ofMinutes(5);

    @Inject
    @Delegate
    JWTParser verifier;

    /** Bounded, so a flood of distinct tokens cannot grow it without end. */
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(TRUST)
            .recordStats()
            .build();

    /** Its hits and misses at /q/metrics: cache_gets_total{cache="verified-tokens",result="hit"|"miss"}. */
    @Inject
    void monitor(MeterRegistry metrics) {
        CaffeineCacheMetrics.monitor(metrics, verified, "verified-tokens");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        var fresh = verifier.parse(token);
        verified.put(token, fresh);
        return fresh;
    }
}
