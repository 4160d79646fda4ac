package dk.kdnet.notifications.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.notifications.Events;
import dk.kdnet.notifications.WebhookSamples;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTest extends AsSecretariat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReceiverDownForAMinuteThenEverythingArrivesOnceInOrderAndVerifiable() throws Exception {
        try (var receiver = WebhookReceiver.start(Duration.ZERO)) {
            receiver.down();
            var organization = UUID.randomUUID();
            var created = given().contentType("application/json").body("""
                    {"url":"%s","eventTypes":["dk.kdnet.groups.organization-changed.v1"],
                     "filters":{"organization":"%s"}}""".formatted(receiver.url(), organization))
                    .post("/api/subscriptions").then().statusCode(201).extract().jsonPath();
            var id = created.getString("id");
            var secret = created.getString("secret");
            var subjects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            var sent = new LinkedHashMap<UUID, List<String>>();
            subjects.forEach(subject -> sent.put(subject, new ArrayList<>()));
            for (int n = 0; n < 30; n++) {
                var subject = subjects.get(n % 3);
                sent.get(subject).add(Events.organizationChanged(subject, organization, n).toString());
            }
            // An event of another organization: not for this subscription.
            Events.organizationChanged(UUID.randomUUID(), UUID.randomUUID(), 99);
            var down = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/subscriptions/" + id
                    + "/deliveries?status=PENDING").then().extract().jsonPath().getInt("total") == 30);
            given().get("/api/subscriptions/" + id + "/deliveries?size=1").then().statusCode(200)
                    .body("items[0].status", org.hamcrest.Matchers.equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/subscriptions/" + id
                    + "/deliveries?size=200").then().extract().jsonPath().<Integer>getList("items.attempts")
                    .stream().anyMatch(attempts -> attempts >= 2));
            given().get("/api/subscriptions/" + id + "/deliveries?size=200").then().statusCode(200)
                    .body("items.findAll { it.attempts > 0 }.lastError",
                            org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("ConnectException")));
            Thread.sleep(Math.max(0, Duration.ofSeconds(60).toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
            receiver.up();
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 30);
            // Anything sent twice would arrive within 2 s: the count stays at 30 that long.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 30);
            var received = receiver.received();
            assertEquals(30, received.size(), "each event once");
            var arrived = new HashMap<String, List<String>>();
            for (var request : received) {
                assertTrue(WebhookReceiver.verifies(secret, request), "signature of " + request.webhookId());
                var body = JSON.readTree(request.body());
                assertEquals(request.webhookId(), body.path("id").asText(), "webhook-id is the event id");
                assertEquals(organization.toString(), body.path("data").path("organizationId").asText());
                arrived.computeIfAbsent(body.path("subject").asText(), s -> new ArrayList<>()).add(request.webhookId());
            }
            for (var subject : subjects) {
                assertEquals(sent.get(subject), arrived.get(subject.toString()), "in order for " + subject);
            }
            given().get("/api/subscriptions/" + id + "/deliveries?status=DELIVERED&size=200").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(30))
                    .body("items.lastStatus", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(204)))
                    .body("items.nextAttemptAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
            WebhookSamples.keep(secret, received.subList(0, 5));
        }
    }

    /** A client's subscription receives what the client may read (EventVisibility), redacted as for it. */
    @Test
    void aClientsSubscriptionReceivesItsOwnOrganizationsChargesWithoutTheDraftDecision() throws Exception {
        try (var forClient = WebhookReceiver.start(Duration.ZERO); var forSecretariat = WebhookReceiver.start(Duration.ZERO)) {
            var aarhus = ReferenceIds.organization("aarhus");
            var randers = ReferenceIds.organization("randers");
            var body = UUID.randomUUID();
            var types = "[\"dk.kdnet.economy.charge-recalculated.v1\",\"dk.kdnet.meetings.decision-recorded.v1\"]";
            given().auth().oauth2(TestInfrastructure.tokens().forClient("aarhus-finance", aarhus))
                    .contentType("application/json").body("{\"url\":\"%s\",\"eventTypes\":%s}".formatted(
                            forClient.url(), types)).post("/api/subscriptions").then().statusCode(201);
            given().contentType("application/json").body("{\"url\":\"%s\",\"eventTypes\":%s}"
                    .formatted(forSecretariat.url(), types)).post("/api/subscriptions").then().statusCode(201);
            var decision = "{\"decisionId\":\"%s\",\"meetingId\":\"%s\",\"agendaItemId\":\"%s\",\"itemNumber\":7}"
                    .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            var charge = """
                    {"chargeId":"%s","schemeId":"%s","ownerKind":"BODY","ownerId":"%s","organizationId":"%s","year":2024,
                     "version":2,"amount":1000.00,"previousAmount":900.00,"adjustment":100.00,"invoiced":false,
                     "months":12,"causeEventId":null,"causeEventType":null,"decision":%s}""";
            var aarhusCharge = Events.send("economy.charges", "dk.kdnet.economy.charge-recalculated.v1", UUID.randomUUID(),
                    charge.formatted(UUID.randomUUID(), UUID.randomUUID(), body, aarhus, decision));
            var randersCharge = Events.send("economy.charges", "dk.kdnet.economy.charge-recalculated.v1",
                    UUID.randomUUID(), charge.formatted(UUID.randomUUID(), UUID.randomUUID(), body, randers, decision));
            var recorded = Events.send("meetings.decisions", "dk.kdnet.meetings.decision-recorded.v1", UUID.randomUUID(), """
                    {"decisionId":"%s","meetingId":"%s","agendaItemId":"%s","itemNumber":7,"bodyId":"%s",
                     "meetingDate":"2024-06-02","outcome":"APPROVED","effects":[]}""".formatted(UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), body));
            await().atMost(Duration.ofSeconds(60)).until(() -> forSecretariat.received().size() >= 3);
            // and nothing more for 2 s, for either subscription (a redelivery or an event the client may not see)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> forSecretariat.received().size() == 3 && forClient.received().size() <= 1);
            assertEquals(Set.of(aarhusCharge.toString(), randersCharge.toString(), recorded.toString()),
                    Set.copyOf(forSecretariat.received().stream().map(WebhookReceiver.Request::webhookId).toList()));
            assertEquals(List.of(aarhusCharge.toString()),
                    forClient.received().stream().map(WebhookReceiver.Request::webhookId).toList(),
                    "the client: its own organization's charge only, no draft decision");
            var seen = JSON.readTree(forClient.received().getFirst().body()).path("data");
            assertTrue(seen.path("decision").isNull(), "the draft decision a charge names is left out: " + seen);
            assertTrue(forClient.received().getFirst().body().contains("\"amount\":1000.00,"), "the amount as written");
            var full = forSecretariat.received().stream().filter(r -> r.webhookId().equals(aarhusCharge.toString()))
                    .findFirst().orElseThrow();
            assertEquals(7, JSON.readTree(full.body()).path("data").path("decision").path("itemNumber").asInt());
        }
    }
}
