package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.local.Processes;
import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks through the gateway to a receiver on this machine, from two instances of notifications-service, one of
 * them killed (kill -9) in the middle of delivering: every event still arrives, first arrivals in order per subject,
 * and the only duplicates are the same webhook-id again (the call in flight when it died).
 */
@ExtendWith(SystemStack.class)
@Order(Order.DEFAULT + 3)
class WebhookCrashIT {

    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");
    private static final int EVENTS = 200;

    @Test
    void aKillMidBatchLosesNothingAndDuplicatesOnlyTheSameWebhookId() throws Exception {
        // A second instance in the same consumer group and database: the two share the work, never a subscription.
        var second = SystemStack.stack().launchInstance(Service.SUBSCRIPTIONS, Processes.freePort()).awaitReady();
        try (var receiver = WebhookReceiver.start(Duration.ofMillis(100))) {
            var organization = UUID.randomUUID();
            var secretariat = TestInfrastructure.tokens().forRole("secretariat");
            var created = given().auth().oauth2(secretariat).contentType("application/json").body("""
                    {"url":"%s","filters":{"organization":"%s"}}""".formatted(receiver.url(), organization))
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            var secret = created.getString("secret");
            var sent = WebhookEvents.organizationChanges(organization, 8, EVENTS);
            // Each instance killed in turn while deliveries go on, so whichever holds the subscription dies mid-batch.
            for (var instance : List.of(SystemStack.stack().service(Service.SUBSCRIPTIONS), second)) {
                var atLeast = receiver.received().size() + EVENTS / 4;
                await().atMost(Duration.ofMinutes(3)).until(() -> receiver.received().size() >= atLeast);
                log("kill -9 of an instance of notifications-service after " + receiver.received().size() + " deliveries");
                instance.restart();
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    receiver.received().stream().map(WebhookReceiver.Request::webhookId).distinct().count() >= EVENTS);
            // Late duplicates would arrive within 2 s: the count stays put that long.
            var settled = receiver.received().size();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == settled);

            var received = receiver.received();
            var firstArrivals = new HashMap<String, LinkedHashSet<String>>();
            var duplicates = 0;
            for (var request : received) {
                assertTrue(WebhookReceiver.verifies(secret, request), "signature of " + request.webhookId());
                assertTrue(request.body().contains("\"id\":\"" + request.webhookId() + "\""),
                        "a duplicate is the same event under the same webhook-id: " + request.webhookId());
                var matcher = SUBJECT.matcher(request.body());
                assertTrue(matcher.find());
                if (!firstArrivals.computeIfAbsent(matcher.group(1), s -> new LinkedHashSet<>()).add(request.webhookId())) {
                    duplicates++;
                }
            }
            for (var subject : sent.keySet()) {
                assertEquals(sent.get(subject), List.copyOf(firstArrivals.get(subject)), "all, in order, for " + subject);
            }
            log(received.size() + " requests for " + EVENTS + " events: " + duplicates + " sent again after the kills");
            // One instance at a time delivers for a subscription, one call after another: at most one call was in
            // flight at each kill.
            assertTrue(duplicates <= 2, duplicates + " duplicates: at most the call in flight at each kill");
        }
    }

    private static void log(String line) {
        System.out.println("webhook crash: " + line);
    }
}
