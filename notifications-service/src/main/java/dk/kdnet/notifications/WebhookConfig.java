package dk.kdnet.notifications;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhooks are delivered (application.properties, {@code KDNET_WEBHOOKS_*}). */
@ConfigMapping(prefix = "kdnet.webhooks")
public interface WebhookConfig {

    /** The topics whose events are offered to subscriptions. */
    List<String> topics();

    /** Whether receivers may be plain http (local use only). */
    boolean allowHttp();

    /**
     * Private, loopback or link-local networks (CIDR) receivers may nevertheless be in; by default none, so no
     * subscription reaches into the cluster.
     */
    Optional<List<String>> allowedNetworks();

    Duration connectTimeout();

    /** The whole call, from connecting to the receiver's last byte. */
    Duration timeout();

    Retry retry();

    /** Threads delivering at once on this instance, each for one subscription at a time. */
    int workers();

    /**
     * How long an instance holds a subscription it delivers for; another instance takes it over after that if
     * the first died.
     */
    Duration lease();

    /** How often an idle worker looks for due deliveries (new events wake the workers of this instance at once). */
    Duration pollInterval();

    /** Deliveries a worker takes at a time. */
    int batchSize();

    interface Retry {
        Duration firstDelay();

        Duration maxDelay();

        /** A subscription whose deliveries fail for this long is paused. */
        Duration giveUpAfter();
    }
}
