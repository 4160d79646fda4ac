package dk.kdnet.economy.charge;

import static dk.kdnet.economy.charge.Fixtures.GOVTECH_MUNICIPALITIES;
import static dk.kdnet.economy.charge.Fixtures.amounts;
import static dk.kdnet.economy.charge.Fixtures.approvedGovTech2024;
import static dk.kdnet.economy.charge.Fixtures.id;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.events.economy.ChargeRecalculated;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Charges follow groups-service's membership events: exits, joins, invoiced charges, replays. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class MembershipRecalculationTest extends AsSecretariat {

    private static final LocalDate FOUNDED = LocalDate.of(2021, 1, 1);
    private static final DecisionReference ITEM_57 = new DecisionReference(
            ReferenceIds.decision("kdnet-2023-08-25-57"), ReferenceIds.meeting("kdnet-2023-08-25"),
            ReferenceIds.agendaItem("kdnet-2023-08-25-57"), 57);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void variableBudgetHedenstedsExitChangesNoOtherChargeAndLowersTheTotalBy115429() throws Exception {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "VARIABLE");
        joinAll(collaboration);
        var before = amounts(scheme);
        assertEquals(new BigDecimal(115_429), before.get(id("hedensted")));

        var withdrew = withdrawHedensted(collaboration);

        var after = awaitHedensted(scheme, BigDecimal.ZERO);
        before.remove(id("hedensted"));
        after.remove(id("hedensted"));
        assertEquals(before, after);
        var list = given().queryParam("scheme", scheme).get("/api/economy/charges").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2_763_201 - 115_429, list.getLong("sumOfRows"));
        assertEquals(2_647_772, list.getLong("schemeTotal"));
        // The recalculation's duration at /q/metrics, by the event type that caused it; one charge: as an entity.
        var recalculations = java.util.regex.Pattern.compile(
                "^kdnet_recalculation_seconds_(count|sum)\\{cause=\"dk\\.kdnet\\.groups\\.collaboration-member-withdrew\\.v1\",writes=\"entities\"} (\\S+)$",
                java.util.regex.Pattern.MULTILINE)
                .matcher(given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString());
        var samples = new java.util.HashMap<String, Double>();
        while (recalculations.find()) {
            samples.put(recalculations.group(1), Double.parseDouble(recalculations.group(2)));
        }
        assertTrue(samples.getOrDefault("count", 0.0) >= 1, "recalculations counted: " + samples);
        assertTrue(samples.get("sum") > 0 && samples.get("sum") < 60, "plausible seconds: " + samples);

        given().get("/api/economy/collaborations/" + collaboration + "/memberships").then().statusCode(200)
                .body("size()", equalTo(17))
                .body("find { it.organizationId == '" + id("hedensted") + "' }.effectiveExit", equalTo("2024-01-01"))
                .body("find { it.organizationId == '" + id("aarhus") + "' }.joinedOn", equalTo("2021-01-01"));
        var charge = hedenstedCharge(scheme);
        var versions = given().get("/api/economy/charges/" + charge + "/versions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), versions.getList("version", Integer.class));
        assertEquals("dk.kdnet.economy.scheme-approved.v1", versions.getString("[0].causeEventType"));
        assertEquals(0, versions.getInt("[1].amount"));
        assertEquals(115_429, versions.getInt("[1].previousAmount"));
        assertEquals(withdrew.toString(), versions.getString("[1].causeEventId"));
        assertEquals(CollaborationMemberWithdrew.TYPE, versions.getString("[1].causeEventType"));
        assertEquals(ITEM_57.decisionId().toString(), versions.getString("[1].decisionId"));
        assertEquals(57, versions.getInt("[1].itemNumber"));
        assertEquals(0, versions.getInt("[1].breakdown.months"));

        var event = KafkaEvents.await(bootstrap, "economy.charges", r -> r.key().equals(charge)
                && r.value().contains("\"version\":2"));
        assertEquals(ChargeRecalculated.TYPE, KafkaEvents.header(event, "ce_type"));
        var payload = new ObjectMapper().readTree(event.value());
        assertEquals(scheme.toString(), payload.get("schemeId").asText());
        assertEquals(id("hedensted"), payload.get("organizationId").asText());
        assertEquals(2024, payload.get("year").asInt());
        assertEquals(0, payload.get("amount").asInt());
        assertEquals(115_429, payload.get("previousAmount").asInt());
        assertEquals(withdrew.toString(), payload.get("causeEventId").asText());
        assertEquals(57, payload.get("decision").get("itemNumber").asInt());
    }

    @Test
    void replayingAMembershipEventChangesNothing() {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "VARIABLE");
        joinAll(collaboration);
        var withdrawal = new CollaborationMemberWithdrew(collaboration, ReferenceIds.organization("hedensted"),
                UUID.randomUUID(), LocalDate.of(2023, 8, 25), LocalDate.of(2024, 1, 1), UUID.randomUUID(), "2023-08",
                ITEM_57, "transitional rule");
        var eventId = ProducedEvents.send(bootstrap, withdrawal);
        awaitHedensted(scheme, BigDecimal.ZERO);
        var charge = hedenstedCharge(scheme);

        ProducedEvents.send(bootstrap, withdrawal, eventId);
        var again = ProducedEvents.send(bootstrap, withdrawal);
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxHas(again));

        given().get("/api/economy/charges/" + charge + "/versions").then().statusCode(200)
                .body("size()", equalTo(2));
        assertEquals(2, KafkaEvents.all(bootstrap, "economy.charges", r -> r.key().equals(charge),
                Duration.ofSeconds(3)).size());
    }

    @Test
    void aRevokedWithdrawalRestoresTheChargeAsANewVersion() {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "VARIABLE");
        joinAll(collaboration);
        withdrawHedensted(collaboration);
        awaitHedensted(scheme, BigDecimal.ZERO);

        var revoked = ProducedEvents.send(bootstrap, new CollaborationWithdrawalRevoked(collaboration,
                ReferenceIds.organization("hedensted"), UUID.randomUUID(), LocalDate.of(2023, 9, 1),
                LocalDate.of(2024, 1, 1)));

        awaitHedensted(scheme, new BigDecimal(115_429));
        given().get("/api/economy/charges/" + hedenstedCharge(scheme) + "/versions").then().statusCode(200)
                .body("amount", equalTo(List.of(115_429, 0, 115_429)))
                .body("[2].causeEventId", equalTo(revoked.toString()))
                .body("[2].breakdown.months", equalTo(12));
    }

    @Test
    void fixedTotalHedenstedsExitLetsTheOther15Share2484444() throws Exception {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "FIXED_TOTAL");
        joinAll(collaboration);

        withdrawHedensted(collaboration);

        var after = awaitHedensted(scheme, BigDecimal.ZERO);
        assertEquals(new BigDecimal(648_125), after.get(id("aarhus")));
        assertEquals(new BigDecimal(209_104), after.get(id("randers")));
        assertEquals(new BigDecimal(73_914), after.get(id("lemvig")));
        assertEquals(new BigDecimal(278_757), after.get(id("region-midtjylland")));
        var body = given().queryParam("scheme", scheme).get("/api/economy/charges").then().statusCode(200)
                .extract().asString();
        var municipalExact = BigDecimal.ZERO;
        for (var item : new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body)
                .get("items")) {
            if (!item.get("organizationId").asText().equals(id("region-midtjylland"))) {
                municipalExact = municipalExact.add(item.get("breakdown").get("exact").decimalValue());
            }
        }
        // Each exact row is settled at 30 decimals, so their sum may differ from the total in the 30th.
        assertEquals(new BigDecimal("2484444.000000"), municipalExact.setScale(6, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aMemberJoining13March2024PaysTenTwelfthsAndNobodyElsesChargeMoves() {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "VARIABLE");
        Fixtures.knowOrganizations(em, List.of("silkeborg"));
        // Illustrative population: Silkeborg is not in the seed's population table.
        Fixtures.knowPopulation(em, "silkeborg", LocalDate.of(2023, 1, 1), 97_000);
        var before = amounts(scheme);

        ProducedEvents.send(bootstrap, new CollaborationMemberJoined(collaboration,
                ReferenceIds.organization("silkeborg"), UUID.randomUUID(), LocalDate.of(2024, 3, 13), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> amounts(scheme).containsKey(id("silkeborg")));
        var after = amounts(scheme);
        assertEquals(new BigDecimal(162_421), after.remove(id("silkeborg")));
        assertEquals(before, after);
        var silkeborg = given().queryParam("scheme", scheme).queryParam("organization", id("silkeborg"))
                .get("/api/economy/charges").then().statusCode(200).extract().jsonPath();
        assertEquals(10, silkeborg.getInt("items[0].breakdown.months"));
        assertEquals(97_000, silkeborg.getInt("items[0].breakdown.population"));
    }

    @Test
    void anInvoicedChargeStaysAndTheExitBecomesACredit() {
        var collaboration = UUID.randomUUID();
        var scheme = approvedGovTech2024(em, collaboration, "VARIABLE");
        var charge = hedenstedCharge(scheme);
        given().post("/api/economy/charges/" + charge + "/invoice").then().statusCode(200)
                .body("invoiced", equalTo(true)).body("billed", equalTo(115_429));
        given().post("/api/economy/charges/" + charge + "/invoice").then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));
        ProducedEvents.send(bootstrap, new CollaborationMemberJoined(collaboration,
                ReferenceIds.organization("hedensted"), UUID.randomUUID(), FOUNDED, null));

        withdrawHedensted(collaboration);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/economy/charges/" + charge)
                .then().statusCode(200).body("billed", equalTo(0)));
        given().get("/api/economy/charges/" + charge).then().body("amount", equalTo(115_429))
                .body("latestVersion", equalTo(2));
        given().get("/api/economy/charges/" + charge + "/versions").then().statusCode(200)
                .body("[1].kind", equalTo("ADJUSTMENT")).body("[1].adjustment", equalTo(-115_429))
                .body("[1].amount", equalTo(115_429));
        var event = KafkaEvents.await(bootstrap, "economy.charges", r -> r.key().equals(charge)
                && r.value().contains("\"version\":2"));
        assertEquals(true, event.value().contains("\"adjustment\":-115429"), event.value());
    }

    private void joinAll(UUID collaboration) {
        var all = new java.util.ArrayList<>(GOVTECH_MUNICIPALITIES);
        all.add("region-midtjylland");
        all.forEach(slug -> ProducedEvents.send(bootstrap, new CollaborationMemberJoined(collaboration,
                ReferenceIds.organization(slug), UUID.randomUUID(), FOUNDED, null)));
    }

    private UUID withdrawHedensted(UUID collaboration) {
        return ProducedEvents.send(bootstrap, new CollaborationMemberWithdrew(collaboration,
                ReferenceIds.organization("hedensted"), UUID.randomUUID(), LocalDate.of(2023, 8, 25),
                LocalDate.of(2024, 1, 1), UUID.randomUUID(), "2023-08", ITEM_57,
                "notice at the meeting of 25 Aug 2023 (transitional rule)"));
    }

    private static Map<String, BigDecimal> awaitHedensted(UUID scheme, BigDecimal amount) {
        await().atMost(Duration.ofSeconds(30)).until(() -> amount.compareTo(amounts(scheme).get(id("hedensted"))) == 0);
        return amounts(scheme);
    }

    private static String hedenstedCharge(UUID scheme) {
        return given().queryParam("scheme", scheme).queryParam("organization", id("hedensted"))
                .get("/api/economy/charges").then().statusCode(200).extract().jsonPath().getString("items[0].id");
    }

    private boolean inboxHas(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM inbox_event WHERE event_id = ?1").setParameter(1, eventId).getSingleResult())
                .longValue() == 1);
    }
}
