package dk.kdnet.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "kdnet.gateway")
public interface GatewayConfig {

    /**
     * Base URLs of each service's instances by its area ({@code groups} serves {@code /api/groups/**}), separated by
     * commas when it has several: the gateway balances over those that are ready (Upstreams).
     */
    Map<String, List<URI>> services();

    /** How often the gateway asks each instance whether it is ready; one that is not gets no requests. */
    @WithDefault("2s")
    Duration readinessInterval();

    /** How long a service may take to answer before the caller gets a 504. */
    Duration timeout();

    Duration connectTimeout();

    /** Larger request bodies are refused with 413 before they reach a service. */
    @WithDefault("12M")
    MemorySize maxBodySize();

    RateLimit rateLimit();

    /**
     * Requests per client (the token's subject, or the address of an anonymous caller) in a window;
     * a caller over it gets a 429 with Retry-After. Counted by all gateway instances together, in the
     * gateway's database ({@link RateLimiter}).
     */
    interface RateLimit {
        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration per();

        /** A client's requests an instance counts on its own before it settles them with the database; 0: none. */
        @WithDefault("10")
        long localRequests();

        /** How long an instance counts a client's requests on its own at most before it settles them. */
        @WithDefault("1s")
        Duration localFor();
    }
}
