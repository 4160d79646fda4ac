package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * bench/webhooks.sh: webhooks to a receiver on this machine. (1) Commit to delivery: an organization registered
 * through the gateway, one at a time, timed from the POST's answer (the commit is just before it) to its webhook's
 * arrival: p50, p99. (2) Deliveries per second: a backlog of events on 50 subjects, put on Kafka at once, timed
 * from the first send to the last arrival. Not a test of ./mvnw verify: it runs only with
 * -Dkdnet.bench.webhooks.events=N.
 */
@ExtendWith(SystemStack.class)
@EnabledIfSystemProperty(named = "kdnet.bench.webhooks.events", matches = "\\d+")
@Order(Order.DEFAULT + 4)
class WebhookBenchIT {

    @Test
    void commitToDeliveryAndDeliveriesPerSecond() throws Exception {
        var events = Integer.getInteger("kdnet.bench.webhooks.events");
        var latencies = Integer.getInteger("kdnet.bench.webhooks.latencies", 200);
        var secretariat = TestInfrastructure.tokens().forRole("secretariat");
        try (var receiver = WebhookReceiver.start(Duration.ZERO)) {
            given().auth().oauth2(secretariat).contentType("application/json").body("""
                    {"url":"%s","eventTypes":["dk.kdnet.groups.organization-registered.v1"]}""".formatted(receiver.url()))
                    .post("/api/subscriptions").then().statusCode(201);
            var millis = new ArrayList<Double>();
            for (int i = 0; i < latencies + 20; i++) {
                var before = receiver.received().size();
                given().auth().oauth2(secretariat).contentType("application/json")
                        .body(Map.of("kind", "OTHER", "name", "Webhook bench " + UUID.randomUUID()))
                        .post("/api/groups/organizations").then().statusCode(201);
                var answered = System.nanoTime();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                        .until(() -> receiver.received().size() > before);
                if (i >= 20) { // the first ones warm up the paths
                    millis.add((receiver.received().get(before).arrivedNanos() - answered) / 1e6);
                }
            }
            millis.sort(null);
            log("commit to delivery, %d organizations registered one at a time: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    millis.size(), percentile(millis, 50), percentile(millis, 99), millis.getLast());
        }

        try (var receiver = WebhookReceiver.start(Duration.ZERO)) {
            var organization = UUID.randomUUID();
            given().auth().oauth2(secretariat).contentType("application/json").body("""
                    {"url":"%s","filters":{"organization":"%s"}}""".formatted(receiver.url(), organization))
                    .post("/api/subscriptions").then().statusCode(201);
            var started = System.nanoTime();
            WebhookEvents.organizationChanges(organization, 50, events);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> receiver.received().size() >= events);
            var received = receiver.received();
            var seconds = (received.get(events - 1).arrivedNanos() - started) / 1e9;
            var firstToLast = (received.get(events - 1).arrivedNanos() - received.getFirst().arrivedNanos()) / 1e9;
            log("%d events on 50 subjects put on Kafka at once: all delivered %.1f s after the first send, %.0f"
                    + " deliveries/s (%.0f/s from the first delivery to the last)", events, seconds, events / seconds,
                    (events - 1) / firstToLast);
        }
    }

    private static double percentile(java.util.List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void log(String format, Object... args) {
        System.out.println("webhooks: " + format.formatted(args));
    }
}
