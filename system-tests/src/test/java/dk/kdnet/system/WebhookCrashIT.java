package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.groups.GroupsTopics;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.WebhookReceiver;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks through the gateway to a receiver on this machine, with notifications-service killed (kill -9) in the
 * middle of delivering: every event still arrives, first arrivals in order per subject, and the only duplicates are
 * the same webhook-id again (the call in flight when it died).
 */
@ExtendWith(SystemStack.class)
@Order(Order.DEFAULT + 3)
class WebhookCrashIT {

    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([^\"]+)\"");
    private static final int EVENTS = 200;

    @Test
    void aKillMidBatchLosesNothingAndDuplicatesOnlyTheSameWebhookId() throws Exception {
        try (var receiver = WebhookReceiver.start(Duration.ofMillis(25))) {
            var organization = UUID.randomUUID();
            var secretariat = TestInfrastructure.tokens().forRole("secretariat");
            var created = given().auth().oauth2(secretariat).contentType("application/json").body("""
                    {"url":"%s","filters":{"organization":"%s"}}""".formatted(receiver.url(), organization))
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            var secret = created.getString("secret");
            var subjects = new ArrayList<UUID>();
            for (int i = 0; i < 8; i++) {
                subjects.add(UUID.randomUUID());
            }
            var sent = new LinkedHashMap<String, List<String>>();
            var bootstrap = TestInfrastructure.get().bootstrapServers();
            for (int n = 0; n < EVENTS; n++) {
                var subject = subjects.get(n % subjects.size()).toString();
                var id = UUID.randomUUID().toString();
                KafkaEvents.send(bootstrap, GroupsTopics.ORGANIZATIONS, subject, """
                        {"organizationId":"%s","kind":"MUNICIPALITY","name":"Crash %d","shortName":null,
                         "municipalityCode":null,"cvr":null,"ean":null}""".formatted(organization, n),
                        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/kdnet/groups-service", "ce_type",
                                OrganizationChanged.TYPE, "ce_subject", subject, "ce_time", OffsetDateTime.now().toString(),
                                "content-type", "application/json"));
                sent.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> receiver.received().size() >= EVENTS / 4);
            var service = SystemStack.stack().service(Service.SUBSCRIPTIONS);
            log("kill -9 notifications-service after " + receiver.received().size() + " deliveries");
            service.restart();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    receiver.received().stream().map(WebhookReceiver.Request::webhookId).distinct().count() >= EVENTS);
            Thread.sleep(2_000);

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
            log(received.size() + " requests for " + EVENTS + " events: " + duplicates + " sent again after the kill");
            // One instance delivers for a subscription at a time, one call after another: one call was in flight.
            assertTrue(duplicates <= 1, duplicates + " duplicates: at most the call in flight when it died");
        }
    }

    private static void log(String line) {
        System.out.println("webhook crash: " + line);
    }
}
