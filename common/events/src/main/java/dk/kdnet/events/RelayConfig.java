package dk.kdnet.events;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "kdnet.events.relay")
public interface RelayConfig {

    /** How often the relay looks for events when no commit woke it (after a restart, in another instance). */
    Duration pollInterval();

    int batchSize();

    /** How long one publication may wait for Kafka before the batch is retried later. */
    Duration sendTimeout();
}
