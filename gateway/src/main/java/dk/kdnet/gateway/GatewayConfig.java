package dk.kdnet.gateway;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "kdnet.gateway")
public interface GatewayConfig {

    /** Base URL of each service by its area: {@code groups} serves {@code /api/groups/**}. */
    Map<String, URI> services();

    /** How long a service may take to answer before the caller gets a 504. */
    Duration timeout();

    Duration connectTimeout();
}
