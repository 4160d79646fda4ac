package dk.kdnet.system;

import static dk.kdnet.system.FlowApi.JOIN;
import static dk.kdnet.system.FlowApi.WITHDRAWAL;
import static dk.kdnet.system.FlowApi.charges;
import static dk.kdnet.system.FlowApi.effect;
import static dk.kdnet.system.FlowApi.membership;
import static dk.kdnet.system.FlowApi.versions;
import static dk.kdnet.system.FlowApi.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The flow the system exists for, through the gateway only: a decision at a meeting (or a notice in writing) changes
 * a membership in groups-service, and economy-service's charges follow, each change naming its cause. The worked
 * GovTech 2024 example of DOMAIN.md on the reference data.
 */
@ExtendWith(SystemStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// After the tests that count the reference data (see META-INF/microprofile-config.properties).
@Order(Order.DEFAULT + 1)
class FlowEndToEndIT {

    private static final UUID GOVTECH_2024 = UUID.fromString("1f366afa-fe95-301f-9ffa-37cfc6a7ee71");
    private static final LocalDate MEETING_DATE = LocalDate.parse("2023-08-25");
    private static final Duration FLOW = Duration.ofSeconds(30);

    private static UUID govtech;
    private static UUID hedensted;
    private static UUID meeting;

    // Not @BeforeAll: the gateway's URL is set for RestAssured before each test.
    @BeforeEach
    void referenceData() {
        if (govtech != null) {
            return;
        }
        govtech = FlowApi.collaborationNamed("GovTech Midtjylland");
        hedensted = FlowApi.organizationNamed("Hedensted Kommune");
        meeting = UUID.fromString(FlowApi.meetingOn(MEETING_DATE).getString("id"));
        // economy-service has the reference charges once groups-service's events have flowed.
        await().atMost(FLOW).until(() -> charges(GOVTECH_2024, 2024).rows().size() == 17);
    }

    @Test
    @Order(1)
    void hedenstedsNoticeAtTheMeetingOf25August2023EndsItsChargeAndNoOneElsesInVariableMode() {
        // The reference data has Hedensted's notice already: withdraw it, so the decision below gives it anew.
        write().body("""
                {"revokedOn":"2023-08-26"}""")
                .post("/api/groups/collaborations/" + govtech + "/members/" + hedensted + "/withdrawal/revocation")
                .then().statusCode(200);
        await().atMost(FLOW).untilAsserted(() -> assertEquals(115_429, charges(GOVTECH_2024, 2024).amount(hedensted)));
        var before = charges(GOVTECH_2024, 2024);

        var item57 = FlowApi.item(meeting, 57);
        var trace = UUID.randomUUID().toString().replace("-", "");
        var decision = FlowApi.decide(item57, "flow-seed-57", "00-" + trace + "-00f067aa0ba902b7-01",
                List.of(effect(WITHDRAWAL, hedensted, govtech, MEETING_DATE)));

        await().atMost(FLOW).untilAsserted(() -> assertEquals("2024-01-01",
                membership(govtech, hedensted).getString("effectiveExit")));
        var notice = membership(govtech, hedensted);
        assertEquals("2023-08-25", notice.getString("noticeGivenOn"));
        assertEquals(decision.toString(), notice.getString("withdrawalDecision.decisionId"));
        assertEquals(57, notice.getInt("withdrawalDecision.itemNumber"));

        await().atMost(FLOW).untilAsserted(() -> assertEquals(0, charges(GOVTECH_2024, 2024).amount(hedensted)));
        var after = charges(GOVTECH_2024, 2024);
        assertEquals(before.schemeTotal() - 115_429, after.schemeTotal());
        assertEquals(2_647_772, after.schemeTotal());
        var others = before.rows().keySet().stream().filter(id -> !id.equals(hedensted)).toList();
        assertEquals(16, others.size(), "15 municipalities and the region");
        others.forEach(id -> assertEquals(before.amount(id), after.amount(id), "charge of " + id));

        var latest = versions(after.rows().get(hedensted).id()).getLast();
        assertEquals(0, ((Number) latest.get("amount")).intValue());
        assertEquals(115_429, ((Number) latest.get("previousAmount")).intValue());
        assertEquals("dk.kdnet.groups.collaboration-member-withdrew.v1", latest.get("causeEventType"));
        assertEquals(decision.toString(), latest.get("decisionId"));
        assertEquals(meeting.toString(), latest.get("meetingId"));
        assertEquals(item57.toString(), latest.get("agendaItemId"));
        assertEquals(57, latest.get("itemNumber"));

        // The correlation id of the decision's request travels with the events into the charge event.
        var chargeEvent = KafkaEvents.await(TestInfrastructure.get().bootstrapServers(), "economy.charges",
                r -> "flow-seed-57".equals(KafkaEvents.header(r, "ce_correlationid")));
        assertTrue(chargeEvent.value().contains(hedensted.toString()), chargeEvent.value());
        // One decision, one trace: the caller's, through the gateway, meetings, groups and economy (ce_traceparent).
        for (var topic : List.of("meetings.decisions", "groups.collaboration-memberships", "economy.charges")) {
            var event = KafkaEvents.await(TestInfrastructure.get().bootstrapServers(), topic,
                    r -> "flow-seed-57".equals(KafkaEvents.header(r, "ce_correlationid")));
            var traceparent = KafkaEvents.header(event, "ce_traceparent");
            assertTrue(traceparent != null && traceparent.matches("00-" + trace + "-[0-9a-f]{16}-0[01]"),
                    topic + ": " + traceparent);
        }
    }

    @Test
    @Order(2)
    void inFixedTotalModeTheOther15WouldShareTheMunicipalTotal() {
        var scenario = write().body("""
                {"changes":[{"type":"MODE","budgetMode":"FIXED_TOTAL"}]}""")
                .post("/api/economy/schemes/" + GOVTECH_2024 + "/scenarios").then().statusCode(200)
                .extract().jsonPath();
        var region = FlowApi.organizationNamed("Region Midtjylland").toString();
        List<Map<String, Object>> rows = scenario.getList("rows");
        var municipal = rows.stream().filter(r -> !region.equals(r.get("organizationId"))).toList();
        // Hedensted is no member in 2024: no row, or a row of 0.
        municipal.stream().filter(r -> hedensted.toString().equals(r.get("organizationId")))
                .forEach(r -> assertEquals(0, ((Number) r.get("scenario")).intValue()));
        var payers = municipal.stream().filter(r -> ((Number) r.get("scenario")).intValue() > 0).toList();
        assertEquals(15, payers.size());
        payers.forEach(r -> assertTrue(((Number) r.get("difference")).intValue() > 0, "pays more: " + r));
        var shared = payers.stream().mapToLong(r -> ((Number) r.get("scenario")).longValue()).sum();
        // Rows rounded half up each: within a krone per row of the 2,484,444 they share.
        assertTrue(Math.abs(shared - 2_484_444) <= 15, "the 15 share " + shared);
        assertEquals("FIXED_TOTAL", scenario.getString("scenarioMode"));
        assertEquals(new BigDecimal("2647772"), new BigDecimal(scenario.getString("currentTotal")));
    }

    @Test
    @Order(3)
    void aMemberJoiningByDecisionOn13MarchPaysFromMarch() {
        var silkeborg = FlowApi.organizationNamed("Silkeborg Kommune");
        write().body("""
                {"referenceDate":"2023-01-01","count":97000,"source":"Danmarks Statistik"}""")
                .post("/api/groups/organizations/" + silkeborg + "/populations").then().statusCode(201);
        var before = charges(GOVTECH_2024, 2024);

        var item58 = FlowApi.item(meeting, 58);
        var decision = FlowApi.decide(item58, "flow-join-58", List.of(effect(JOIN, silkeborg, govtech,
                LocalDate.parse("2024-03-13"))));

        await().atMost(FLOW).untilAsserted(() -> assertEquals(162_421, charges(GOVTECH_2024, 2024).amount(silkeborg)));
        var after = charges(GOVTECH_2024, 2024);
        before.rows().keySet().forEach(id -> assertEquals(before.amount(id), after.amount(id), "charge of " + id));
        assertEquals(before.schemeTotal() + 162_421, after.schemeTotal());
        assertEquals("2024-03-13", membership(govtech, silkeborg).getString("joinedOn"));
        assertEquals(decision.toString(), membership(govtech, silkeborg).getString("joinDecision.decisionId"));
        var version = versions(after.rows().get(silkeborg).id()).getLast();
        assertEquals("dk.kdnet.groups.collaboration-member-joined.v1", version.get("causeEventType"));
        assertEquals(decision.toString(), version.get("decisionId"));
        assertEquals(58, version.get("itemNumber"));
    }

    @Test
    @Order(4)
    void aNoticeInWritingStraightToGroupsReachesTheChargesWithoutADecision() {
        var odder = FlowApi.organizationNamed("Odder Kommune");
        var before = charges(GOVTECH_2024, 2024);
        assertTrue(before.amount(odder) > 0);

        // In writing on the day of the meeting: the transitional rule gives an exit on 1 Jan 2024.
        write().header("X-Correlation-Id", "flow-written-odder").body("""
                {"noticeGiven":"2023-08-25","reason":"notice by letter"}""")
                .post("/api/groups/collaborations/" + govtech + "/members/" + odder + "/withdrawal").then()
                .statusCode(200);

        await().atMost(FLOW).untilAsserted(() -> assertEquals(0, charges(GOVTECH_2024, 2024).amount(odder)));
        var after = charges(GOVTECH_2024, 2024);
        assertEquals(before.schemeTotal() - before.amount(odder), after.schemeTotal());
        before.rows().keySet().stream().filter(id -> !id.equals(odder))
                .forEach(id -> assertEquals(before.amount(id), after.amount(id), "charge of " + id));
        assertEquals("2024-01-01", membership(govtech, odder).getString("effectiveExit"));
        var version = versions(after.rows().get(odder).id()).getLast();
        assertEquals("dk.kdnet.groups.collaboration-member-withdrew.v1", version.get("causeEventType"));
        assertNull(version.get("decisionId"));
        assertEquals(before.amount(odder), ((Number) version.get("previousAmount")).longValue());
    }

    @Test
    @Order(5)
    void kdNetAppointingANewChairOfKosuFrom1MarchSeatsHerAndEndsThePreviousChairsSeatTheDayBefore() {
        var kosu = UUID.fromString(given().queryParam("size", 200).get("/api/groups/bodies").then().statusCode(200)
                .extract().path("items.find { it.shortName == 'KOSU' }.id"));
        var from = LocalDate.parse("2027-03-01");
        var previous = FlowApi.chairOn(kosu, from);
        var appointed = FlowApi.person("Hanne Østergaard");
        var item = FlowApi.heldMeeting("Udpegning til KOSU", 1).getFirst();

        var decision = FlowApi.decide(item, "flow-appointment", List.of(FlowApi.appointment(appointed, "CHAIR", kosu,
                from)));

        await().atMost(FLOW).untilAsserted(() -> assertEquals(appointed.toString(), FlowApi.chairOn(kosu, from)));
        assertEquals(previous, FlowApi.chairOn(kosu, from.minusDays(1)));
        var ended = given().queryParam("on", from.minusDays(1).toString()).get("/api/groups/bodies/" + kosu + "/members")
                .then().statusCode(200).extract().jsonPath().setRootPath("find { it.role == 'CHAIR' }");
        assertEquals("2027-02-28", ended.getString("validTo"));
        assertTrue(ended.getString("endReason").contains("decision " + decision), ended.getString("endReason"));
    }

    @Test
    @Order(6)
    void kdNetApprovingIts2027BudgetMovesTheProposedBudgetToApprovedNamingTheDecision() {
        var budget = FlowApi.proposedBudget(FlowApi.kdnet(), 2027);
        var item = FlowApi.heldMeeting("Budget 2027", 1).getFirst();

        var decision = FlowApi.decide(item, "flow-budget", List.of(FlowApi.budgetApproval(2027)));

        await().atMost(FLOW).untilAsserted(() -> assertEquals("APPROVED", FlowApi.budgetVersion(budget)
                .getString("status")));
        var version = FlowApi.budgetVersion(budget);
        assertEquals(decision.toString(), version.getString("decision.decisionId"));
        assertEquals(item.toString(), version.getString("decision.agendaItemId"));
        // Now public: an anonymous reader sees the approved budget.
        given().get("/api/economy/budgets/" + budget).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("APPROVED"));
    }
}
