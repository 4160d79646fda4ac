package dk.kdnet.economy.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.charge.ProducedEvents;
import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Decisions recorded in meetings-service, sent to the real broker as meetings-service sends them, approving budgets. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BudgetDecisionsConsumerTest extends AsSecretariat {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void anApprovedBudgetDecisionApprovesTheProposedBudgetOfTheDecidingBodyNamingTheDecisionOnce() {
        var body = UUID.randomUUID();
        var budget = budget(body, 2025);
        transition(budget, "PROPOSED");
        var decision = decision(body, "APPROVED", approval(null, 2025));
        var eventId = ProducedEvents.send(bootstrap, decision);
        awaitHandled(eventId);

        given().get("/api/economy/budgets/" + budget).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("number", equalTo(1));
        given().get("/api/economy/budgets/" + budget + "/versions").then().statusCode(200)
                .body("status", equalTo(List.of("APPROVED")))
                .body("decision.decisionId", equalTo(List.of(decision.decisionId().toString())))
                .body("decision.meetingId", equalTo(List.of(decision.meetingId().toString())))
                .body("decision.agendaItemId", equalTo(List.of(decision.agendaItemId().toString())))
                .body("decision.itemNumber", equalTo(List.of(9)));

        // The decision recorded again (a new event): nothing more changes.
        var version = given().get("/api/economy/budgets/" + budget).then().extract().path("version");
        awaitHandled(ProducedEvents.send(bootstrap, decision));
        given().get("/api/economy/budgets/" + budget).then().body("version", equalTo(version));
    }

    @Test
    void aBudgetNamedByIdIsApprovedAndANotedDecisionApprovesNothing() {
        var budget = budget(UUID.randomUUID(), 2026);
        transition(budget, "PROPOSED");
        awaitHandled(ProducedEvents.send(bootstrap, decision(UUID.randomUUID(), "NOTED", approval(budget, 2026))));
        given().get("/api/economy/budgets/" + budget).then().body("status", equalTo("PROPOSED"));

        awaitHandled(ProducedEvents.send(bootstrap, decision(UUID.randomUUID(), "APPROVED", approval(budget, 2026))));
        given().get("/api/economy/budgets/" + budget).then().body("status", equalTo("APPROVED"));
    }

    /**
     * A decision with no budget effect (a member joining) is passed over: counted, no inbox row. A budget decision of the
     * same meeting follows it on the same partition, so once that one is handled the first was seen.
     */
    @Test
    void aDecisionWithoutABudgetEffectIsPassedOver() {
        var before = skipped();
        var meeting = UUID.randomUUID();
        var join = new DecisionRecorded(UUID.randomUUID(), meeting, UUID.randomUUID(), 3, UUID.randomUUID(),
                LocalDate.of(2024, 12, 6), "APPROVED", List.of(new DecisionEffect(UUID.randomUUID(),
                        DecisionEffect.COLLABORATION_JOIN, UUID.randomUUID(), UUID.randomUUID(),
                        LocalDate.of(2025, 1, 1), null, null, null, null, null, null, null)));
        var budget = new DecisionRecorded(UUID.randomUUID(), meeting, UUID.randomUUID(), 4, UUID.randomUUID(),
                LocalDate.of(2024, 12, 6), "NOTED", List.of(approval(UUID.randomUUID(), 2026)));
        var passedOver = ProducedEvents.send(bootstrap, join);
        awaitHandled(ProducedEvents.send(bootstrap, budget));
        assertEquals(0, inbox(passedOver));
        assertEquals(before + 1, skipped());
    }

    @Test
    void aDraftBudgetIsNotApprovedByADecisionWhichGoesToTheDeadLetterTopicWithTheRule() {
        var body = UUID.randomUUID();
        var budget = budget(body, 2025);
        var decision = decision(body, "APPROVED", approval(null, 2025));
        var eventId = ProducedEvents.send(bootstrap, decision);

        var dead = KafkaEvents.await(bootstrap, "economy.dead-letter",
                r -> eventId.toString().equals(KafkaEvents.header(r, "ce_id")));
        var reason = KafkaEvents.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("decision " + decision.decisionId()) && reason.contains("BUDGET_APPROVED")
                && reason.contains("is refused (the current state does not allow it)")
                && reason.contains("is DRAFT; it cannot become APPROVED"), reason);
        given().get("/api/economy/budgets/" + budget).then().body("status", equalTo("DRAFT"));
        assertEquals(0L, inbox(eventId));

        // A body without a budget of the year: the same.
        var none = ProducedEvents.send(bootstrap, decision(UUID.randomUUID(), "APPROVED", approval(null, 2025)));
        var noBudget = KafkaEvents.await(bootstrap, "economy.dead-letter",
                r -> none.toString().equals(KafkaEvents.header(r, "ce_id")));
        var noBudgetReason = KafkaEvents.header(noBudget, "dead-letter-reason");
        assertTrue(noBudgetReason.contains("is refused (it breaks a rule on budgetId)")
                && noBudgetReason.contains("has 0 budgets of 2025"), noBudgetReason);
    }

    private static UUID budget(UUID body, int year) {
        return UUID.fromString(given().contentType(ContentType.JSON).body("""
                {"ownerKind":"BODY","ownerId":"%s","year":%d,"kind":"BUDGET","title":"Budget %d","carriedIn":0,
                 "lines":[{"label":"Tilskud","side":"INCOME","amount":1000}]}""".formatted(body, year, year))
                .post("/api/economy/budgets").then().statusCode(201).extract().path("id"));
    }

    private static void transition(UUID budget, String to) {
        given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                .post("/api/economy/budgets/" + budget + "/transitions").then().statusCode(200);
    }

    private static DecisionRecorded decision(UUID body, String outcome, DecisionEffect... effects) {
        return new DecisionRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 9, body,
                LocalDate.of(2024, 12, 6), outcome, List.of(effects));
    }

    private static DecisionEffect approval(UUID budget, int year) {
        return new DecisionEffect(UUID.randomUUID(), DecisionEffect.BUDGET_APPROVED, null, null, null, null, null,
                null, null, budget, year, null);
    }

    /** The inbox row is written in the transaction that applies the decision: once there, it is done. */
    private void awaitHandled(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(eventId) == 1);
    }

    private static double skipped() {
        var sample = java.util.regex.Pattern.compile("^kdnet_inbox_skipped_total\\{consumer=\"economy\\.decisions\","
                + "type=\"dk\\.kdnet\\.meetings\\.decision-recorded\\.v1\"} (\\S+)$", java.util.regex.Pattern.MULTILINE)
                .matcher(given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private long inbox(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'economy.decisions' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
