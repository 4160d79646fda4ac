package dk.kdnet.economy.organization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The read model fed by real CloudEvents on the real broker, as groups-service would send them. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class OrganizationReadModelTest extends AsSecretariat {

    private static final String TOPIC = "groups.organizations";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void registeredOrganizationAndPopulationAppearInTheReadModel() {
        var id = UUID.randomUUID();
        send(id, UUID.randomUUID(), "dk.kdnet.groups.organization-registered.v1", """
                {"organizationId":"%s","kind":"MUNICIPALITY","name":"Testby Kommune","shortName":"Testby",
                 "municipalityCode":"901"}""".formatted(id));
        send(id, UUID.randomUUID(), "dk.kdnet.groups.population-recorded.v1", """
                {"organizationId":"%s","figureId":"%s","referenceDate":"2023-01-01","count":47609,
                 "source":"Danmarks Statistik"}""".formatted(id, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/economy/organizations/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Testby Kommune"))
                .body("municipalityCode", equalTo("901"))
                .body("populations.count", contains(47609)));
    }

    @Test
    void aChangedOrganizationIsUpdatedInTheReadModel() {
        var id = UUID.randomUUID();
        send(id, UUID.randomUUID(), "dk.kdnet.groups.organization-registered.v1", """
                {"organizationId":"%s","kind":"MUNICIPALITY","name":"Gammelby Kommune","municipalityCode":"902"}"""
                .formatted(id));
        send(id, UUID.randomUUID(), "dk.kdnet.groups.organization-changed.v1", """
                {"organizationId":"%s","kind":"MUNICIPALITY","name":"Nyby Kommune","shortName":"Nyby",
                 "municipalityCode":"902"}""".formatted(id));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/economy/organizations/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Nyby Kommune"))
                .body("shortName", equalTo("Nyby")));
    }

    @Test
    void theSameEventDeliveredTwiceGivesOneRow() {
        var id = UUID.randomUUID();
        var eventId = UUID.randomUUID();
        send(id, UUID.randomUUID(), "dk.kdnet.groups.organization-registered.v1", """
                {"organizationId":"%s","kind":"OTHER","name":"Twice"}""".formatted(id));
        var population = """
                {"organizationId":"%s","figureId":"%s","referenceDate":"2023-01-01","count":100,"source":"test"}"""
                .formatted(id, UUID.randomUUID());
        send(id, eventId, "dk.kdnet.groups.population-recorded.v1", population);
        // The duplicate says 999: were it applied again, the count would change.
        send(id, eventId, "dk.kdnet.groups.population-recorded.v1", population.replace("\"count\":100", "\"count\":999"));
        var marker = UUID.randomUUID();
        send(marker, UUID.randomUUID(), "dk.kdnet.groups.organization-registered.v1", """
                {"organizationId":"%s","kind":"OTHER","name":"After the duplicate"}""".formatted(marker));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().get("/api/economy/organizations/" + marker).then().statusCode(200));

        given().get("/api/economy/organizations/" + id).then().statusCode(200)
                .body("populations.count", contains(100));
        assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId));
        assertEquals(1L, count("SELECT count(*) FROM population WHERE organization_id = ?1", id));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() {
        var poisonKey = "poison-" + UUID.randomUUID();
        KafkaEvents.send(bootstrap, TOPIC, poisonKey, "this is not json", Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                "ce_type", "dk.kdnet.groups.organization-registered.v1", "ce_subject", poisonKey,
                "ce_time", "2024-01-01T00:00:00Z"));
        var after = UUID.randomUUID();
        send(after, UUID.randomUUID(), "dk.kdnet.groups.organization-registered.v1", """
                {"organizationId":"%s","kind":"OTHER","name":"After the poison"}""".formatted(after));

        var dead = KafkaEvents.await(bootstrap, "economy.dead-letter", r -> poisonKey.equals(r.key()));
        assertEquals("this is not json", dead.value());
        var reason = KafkaEvents.header(dead, "dead-letter-reason");
        org.junit.jupiter.api.Assertions.assertTrue(reason != null && reason.contains("not JSON"),
                "the reason is carried: " + reason);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().get("/api/economy/organizations/" + after).then().statusCode(200)
                        .body("name", equalTo("After the poison")));
    }

    @Test
    void aParkedMessageIsListedForOperatorsAndCanBeReplayedToItsTopic() {
        var secretariat = TestInfrastructure.tokens().forRole("secretariat");
        var poisonKey = "parked-" + UUID.randomUUID();
        KafkaEvents.send(bootstrap, TOPIC, poisonKey, "{\"organizationId\":", Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/test",
                "ce_type", "dk.kdnet.groups.organization-registered.v1", "ce_subject", poisonKey,
                "ce_time", "2024-01-01T00:00:00Z"));

        given().auth().none().get("/api/economy/admin/dead-letters").then().statusCode(401);
        var id = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(secretariat)
                .queryParam("size", 200).get("/api/economy/admin/dead-letters").then().statusCode(200)
                .extract().<String>path("items.find { it.key == '%s' }.id".formatted(poisonKey)),
                java.util.Objects::nonNull);
        given().auth().oauth2(secretariat).get("/api/economy/admin/dead-letters").then()
                .body("items.find { it.key == '%s' }.topic".formatted(poisonKey), equalTo(TOPIC))
                .body("items.find { it.key == '%s' }.reason".formatted(poisonKey),
                        org.hamcrest.Matchers.containsString("not JSON"))
                .body("items.find { it.key == '%s' }.headers.ce_type".formatted(poisonKey),
                        equalTo("dk.kdnet.groups.organization-registered.v1"));

        given().auth().oauth2(secretariat).post("/api/economy/admin/dead-letters/" + id + "/replay").then()
                .statusCode(200).body("replayCount", equalTo(1)).body("replayedAt", org.hamcrest.Matchers.notNullValue());
        var copies = KafkaEvents.all(bootstrap, TOPIC, r -> poisonKey.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(2, copies.size(), "the original and the replayed copy");
        assertEquals(null, KafkaEvents.header(copies.get(1), "dead-letter-reason"),
                "the replay carries the original headers only");
        assertEquals("dk.kdnet.groups.organization-registered.v1", KafkaEvents.header(copies.get(1), "ce_type"));
        given().auth().oauth2(secretariat).post("/api/economy/admin/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }

    private void send(UUID subject, UUID eventId, String type, String data) {
        var headers = new HashMap<String, String>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId.toString());
        headers.put("ce_source", "/kdnet/groups-service");
        headers.put("ce_type", type);
        headers.put("ce_subject", subject.toString());
        headers.put("ce_time", "2024-01-01T00:00:00Z");
        headers.put("content-type", "application/json");
        KafkaEvents.send(bootstrap, TOPIC, subject.toString(), data, headers);
    }

    private long count(String sql, UUID parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
