package dk.kdnet.groups.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.EventTables;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The retention purge of the outbox and inbox, and the operations metrics at /q/metrics. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class EventTablesTest extends AsSecretariat {

    @Inject
    EventTables tables;

    @Inject
    EntityManager em;

    @Test
    void publishedOutboxEventsAndInboxIdsPastTheRetentionAreDeletedTheRestKept() throws Exception {
        var oldPublished = outboxRow("8 days", "8 days");
        var recentPublished = outboxRow("8 days", "6 days");
        var oldInbox = inboxRow("8 days");
        var recentInbox = inboxRow("6 days");

        var purged = tables.purge();

        assertTrue(purged[0] >= 1 && purged[1] >= 1, "deleted " + List.of(purged[0], purged[1]));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE id = ?1", oldPublished));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE id = ?1", recentPublished));
        assertEquals(0, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", oldInbox));
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", recentInbox));
        assertEquals(0, count("""
                SELECT count(*) FROM outbox_event WHERE published_at < now() - interval '7 days'""", null));
        assertTrue(metric("kdnet_events_purged_total", "table=\"inbox_event\"") >= 1);
    }

    @Test
    void tableMetricsAreTheTablesCounts() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO dead_letter (id, topic, kafka_partition, kafka_offset, value, headers, reason)
                VALUES (?1, 'meetings.decisions', 0, ?2, '{}', '{}', 'a test')""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, System.nanoTime()).executeUpdate());
        inboxRow("1 hour");
        // Whatever the service wrote at start is published by now.
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", null) == 0);
        tables.purge(); // and forgets what it read before

        assertEquals(0, metric("kdnet_outbox_backlog"));
        assertEquals(0, metric("kdnet_outbox_oldest_unpublished_age_seconds"));
        assertEquals(count("SELECT count(*) FROM outbox_event", null), metric("kdnet_outbox_rows"));
        assertEquals(count("SELECT count(*) FROM inbox_event", null), metric("kdnet_inbox_rows"));
        assertEquals(count("SELECT count(*) FROM dead_letter WHERE replayed_at IS NULL", null), metric("kdnet_dead_letters"));
        assertTrue(metric("kdnet_dead_letters") >= 1);
    }

    @Test
    void requestsByRouteAndStatusTokenCacheHitsAndConsumerLag() {
        var token = secretariat();
        var aarhus = ReferenceIds.organization("aarhus");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/groups/organizations/{id}", aarhus).then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/groups/organizations/{id}", UUID.randomUUID()).then().statusCode(404);

        var route = "uri=\"/api/groups/organizations/{id}\"";
        assertTrue(metric("http_server_requests_seconds_count", "method=\"GET\"", "status=\"200\"", route) >= 3);
        assertTrue(metric("http_server_requests_seconds_count", "status=\"404\"", route) >= 1);
        // The same token three times more: verified once, then taken from the cache.
        assertTrue(metric("cache_gets_total", "cache=\"verified-tokens\"", "result=\"hit\"") >= 3);
        assertTrue(metric("cache_gets_total", "cache=\"verified-tokens\"", "result=\"miss\"") >= 1);
        // The consumer of meetings.decisions reports how far behind it is, per topic and partition.
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics().lines()
                .anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{")
                        && line.contains("topic=\"meetings.decisions\"")));
    }

    private UUID outboxRow(String occurredAgo, String publishedAgo) {
        var id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, source, subject, occurred_at, data, published_at)
                VALUES (?1, 'groups.organizations', ?2, 'test', '/kdnet/test', ?2, now() - CAST(?3 AS interval), '{}',
                        now() - CAST(?4 AS interval))""")
                .setParameter(1, id).setParameter(2, id.toString()).setParameter(3, occurredAgo)
                .setParameter(4, publishedAgo).executeUpdate());
        return id;
    }

    private UUID inboxRow(String processedAgo) {
        var id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type, processed_at)
                VALUES ('test', ?1, 'test', now() - CAST(?2 AS interval))""")
                .setParameter(1, id).setParameter(2, processedAgo).executeUpdate());
        return id;
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (id != null) {
                query.setParameter(1, id);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String metrics() {
        return given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of that name that has all the given labels. */
    private static double metric(String name, String... labels) {
        var text = metrics();
        var sample = Pattern.compile("^" + name + "(\\{.*})? (\\S+)$", Pattern.MULTILINE).matcher(text);
        while (sample.find()) {
            var found = sample.group(1) == null ? "" : sample.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no " + name + " with " + List.of(labels) + " at /q/metrics: "
                + text.lines().filter(line -> line.startsWith(name)).toList());
    }
}
