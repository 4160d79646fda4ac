package dk.kdnet.gateway.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The live stream's settings (README "Configuration", docs/api.md "Live stream"). */
@ConfigMapping(prefix = "kdnet.stream")
public interface StreamConfig {

    /** The topics the stream reads: every topic of the services' events. */
    @WithDefault("groups.organizations,groups.persons,groups.bodies,groups.body-memberships,groups.collaborations,"
            + "groups.collaboration-memberships,meetings.meetings,meetings.decisions,economy.charges")
    List<String> topics();

    /** Streams one client (token subject, or address when anonymous) may have open at once, per gateway instance. */
    @WithDefault("5")
    int maxPerClient();

    /** A comment line is sent this often, so proxies keep the connection and a client notices a dead one. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * Bytes a client may leave unread before it is dropped (it reconnects with Last-Event-ID and catches up), so a
     * slow client costs the gateway at most this much memory.
     */
    @WithDefault("262144")
    int writeQueueMaxSize();

    /** Streams that catch up from Kafka at once (each with a consumer of its own); others wait their turn. */
    @WithDefault("4")
    int catchUpThreads();

    /** Live events kept for a stream while it catches up; more, and it is dropped to try again. */
    @WithDefault("10000")
    int catchUpBuffer();

    /** A client catching up that reads nothing for this long is dropped. */
    @WithDefault("30s")
    Duration catchUpStall();
}
