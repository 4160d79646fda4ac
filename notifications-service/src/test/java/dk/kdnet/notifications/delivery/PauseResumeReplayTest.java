package dk.kdnet.notifications.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.notifications.Events;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscription that keeps failing is paused and loses nothing; resumed, it gets everything in order; replay. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PauseResumeReplayTest extends AsSecretariat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** As if the subscription's deliveries had been failing for a day already (24 hours is long for a test). */
    private void failingForADay(String subscription) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE delivery SET failing_since = now() - interval '24 hours 1 minute'
                WHERE subscription_id = ?1 AND failing_since IS NOT NULL""")
                .setParameter(1, UUID.fromString(subscription)).executeUpdate());
    }

    private static List<String> ids(List<WebhookReceiver.Request> requests) {
        return requests.stream().map(WebhookReceiver.Request::webhookId).toList();
    }

    @Test
    void pausedAfterFailingResumedInOrderAndReplayed() throws Exception {
        try (var receiver = WebhookReceiver.start(Duration.ZERO)) {
            receiver.down();
            var organization = UUID.randomUUID();
            var id = given().contentType("application/json").body("""
                    {"url":"%s","filters":{"organization":"%s"}}""".formatted(receiver.url(), organization))
                    .post("/api/subscriptions").then().statusCode(201).extract().path("id").toString();
            var subject = UUID.randomUUID();
            var before = OffsetDateTime.now().minusSeconds(1);
            var sent = List.of(Events.organizationChanged(subject, organization, 1).toString(),
                    Events.organizationChanged(subject, organization, 2).toString(),
                    Events.organizationChanged(subject, organization, 3).toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/subscriptions/" + id
                    + "/deliveries").then().extract().jsonPath().<Integer>getList("items.attempts").stream().anyMatch(attempts -> attempts >= 1));
            given().get("/api/subscriptions/" + id).then().body("status", equalTo("ACTIVE"));
            failingForADay(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(
                    given().get("/api/subscriptions/" + id).then().extract().path("status")));
            given().get("/api/subscriptions/" + id).then().statusCode(200)
                    .body("pausedReason", startsWith("deliveries failed for PT24H; the last: ConnectException"));
            // Paused, it still takes new events, and tries none.
            var fourth = Events.organizationChanged(subject, organization, 4).toString();
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/subscriptions/" + id
                    + "/deliveries?status=PENDING").then().extract().jsonPath().getInt("total") == 4);
            receiver.up();
            // Nothing is sent while paused: the receiver stays empty for 2 s.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().isEmpty());

            given().post("/api/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("pausedReason", nullValue());
            given().post("/api/subscriptions/" + id + "/resume").then().statusCode(409)
                    .contentType("application/problem+json");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 4);
            var all = new java.util.ArrayList<>(sent);
            all.add(fourth);
            assertEquals(all, ids(receiver.received()));

            // Replay: by ids, then by time; the same webhook-ids again, in order.
            given().contentType("application/json").body("{\"eventIds\":[\"%s\"]}".formatted(sent.get(1)))
                    .post("/api/subscriptions/" + id + "/replay").then().statusCode(200).body("queued", equalTo(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 5);
            assertEquals(sent.get(1), receiver.received().get(4).webhookId());
            given().contentType("application/json").body("{\"from\":\"%s\",\"to\":\"%s\"}".formatted(before,
                    OffsetDateTime.now().plusSeconds(1))).post("/api/subscriptions/" + id + "/replay").then()
                    .statusCode(200).body("queued", equalTo(4));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 9);
            assertEquals(all, ids(receiver.received().subList(5, 9)));
            assertEquals(subject.toString(), JSON.readTree(receiver.received().get(8).body()).path("subject").asText());

            for (var bad : List.of("{}", "{\"from\":\"%s\"}".formatted(before),
                    "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(before, before),
                    "{\"from\":\"%s\",\"to\":\"%s\",\"eventIds\":[\"%s\"]}".formatted(before, OffsetDateTime.now(), fourth))) {
                given().contentType("application/json").body(bad).post("/api/subscriptions/" + id + "/replay").then()
                        .statusCode(400).contentType("application/problem+json");
            }
        }
    }
}
