package dk.kdnet.groups.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.OutboxRelay;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationKind;
import dk.kdnet.groups.organization.OrganizationService;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes a committed event at once, never by waiting out its poll interval, here 10 s: this
 * instance's commits wake it directly, another writer's through PostgreSQL's NOTIFY at commit.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
@TestProfile(OutboxWakeUpTest.RelayPollsRarely.class)
class OutboxWakeUpTest extends AsSecretariat {

    public static class RelayPollsRarely implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kdnet.events.relay.poll-interval", "10s");
        }
    }

    /** Well under the poll interval, with room for a slow machine. */
    private static final long AT_ONCE_MILLIS = 2_000;

    @Inject
    OutboxRelay relay;

    @Inject
    OrganizationService organizations;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeEach
    void relayIsListening() {
        // Until its connection listens, the relay finds other writers' events only by polling.
        await().atMost(Duration.ofSeconds(30)).until(relay::listening);
    }

    @Test
    void anotherWritersCommitIsPublishedAtOnce() throws Exception {
        var id = UUID.randomUUID();
        long committedAt;
        // A connection of its own, as another instance of the service writes: only the NOTIFY tells this relay.
        try (var connection = DriverManager.getConnection(url, username, password);
                var insert = connection.prepareStatement("""
                        INSERT INTO outbox_event (id, topic, event_key, type, source, subject, occurred_at, data)
                        VALUES (?, 'groups.organizations', ?, 'dk.kdnet.test.written-elsewhere.v1', '/kdnet/test', ?,
                                now(), '{}')""")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, id.toString());
            assertEquals(1, insert.executeUpdate());
            committedAt = System.currentTimeMillis();
        }

        var record = KafkaEvents.await(bootstrap, "groups.organizations", r -> id.toString().equals(r.key()));
        assertEquals("dk.kdnet.test.written-elsewhere.v1", KafkaEvents.header(record, "ce_type"));
        var sentAfter = record.timestamp() - committedAt;
        assertTrue(sentAfter < AT_ONCE_MILLIS, "sent " + sentAfter + " ms after the commit");
    }

    @Test
    void thisInstancesCommitIsPublishedAtOnce() {
        var id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> organizations.register(id,
                new OrganizationRequest(OrganizationKind.OTHER, "At once " + id, null, null, null, null)));
        var committedAt = System.currentTimeMillis();

        var record = KafkaEvents.await(bootstrap, "groups.organizations", r -> id.toString().equals(r.key()));
        assertEquals("dk.kdnet.groups.organization-registered.v1", KafkaEvents.header(record, "ce_type"));
        var sentAfter = record.timestamp() - committedAt;
        assertTrue(sentAfter < AT_ONCE_MILLIS, "sent " + sentAfter + " ms after the commit");
    }
}
