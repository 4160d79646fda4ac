package dk.kdnet.events;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "kdnet.events.relay")
public interface RelayConfig {

    /**
     * How often the relay looks for events when no commit woke it: the fallback while its listening connection is
     * down (commits normally wake it at once), and the pause before that connection is made again.
     */
    Duration pollInterval();

    int batchSize();

    /** How long one publication may wait for Kafka before the batch is retried later. */
    Duration sendTimeout();
}
