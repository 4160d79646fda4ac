package dk.kdnet.groups.collaboration;

import dk.kdnet.testing.AsSecretariat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Decisions recorded in meetings-service, sent to the real broker as meetings-service sends them, and
 * their effect on GovTech Midtjylland's memberships (each test uses other member municipalities).
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class DecisionEffectsConsumerTest extends AsSecretariat {

    private static final String DECISIONS = "meetings.decisions";
    private static final String MEMBERSHIPS = "groups.collaboration-memberships";
    private static final String DEAD_LETTER = "groups.dead-letter";
    private static final UUID GOVTECH = ReferenceIds.collaboration("govtech-midtjylland");
    private static final UUID KDNET = ReferenceIds.body("kdnet");
    private static final String MEMBERS = "/api/groups/collaborations/" + GOVTECH + "/members";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void aWithdrawalDecisionRecordsTheNoticeWithTheExitFromTheTermsAndPublishesItInTheDecisionsChain()
            throws Exception {
        var skive = ReferenceIds.organization("skive");
        var decision = decision("APPROVED", withdrawal(skive, "2024-03-05", "Skive leaves GovTech"));
        var eventId = UUID.randomUUID();
        var correlationId = "meeting-" + UUID.randomUUID();
        send(decision, eventId, correlationId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(MEMBERS + "/" + skive + "?on=2024-03-05")
                .then().statusCode(200).body("noticeGivenOn", equalTo("2024-03-05")));
        given().get(MEMBERS + "/" + skive + "?on=2024-03-05").then().statusCode(200)
                .body("joinedOn", equalTo("2021-01-01"))
                .body("effectiveExit", equalTo("2025-04-01"))
                .body("status", equalTo("NOTICE_GIVEN"))
                .body("termsVersion", equalTo("2023-08-25"))
                .body("reason", equalTo("Skive leaves GovTech"))
                .body("withdrawalDecision.decisionId", equalTo(decision.decisionId().toString()))
                .body("withdrawalDecision.meetingId", equalTo(decision.meetingId().toString()))
                .body("withdrawalDecision.agendaItemId", equalTo(decision.agendaItemId().toString()))
                .body("withdrawalDecision.itemNumber", equalTo(12));
        given().get(MEMBERS + "?on=2025-03-31").then().body("organizationId", hasItem(skive.toString()));
        given().get(MEMBERS + "?on=2025-04-01").then().body("organizationId", not(hasItem(skive.toString())));

        var record = withdrew(skive);
        var data = JSON.readTree(record.value());
        assertEquals(GOVTECH.toString(), record.key());
        assertEquals("2024-03-05", data.get("noticeGiven").asText());
        assertEquals("2025-04-01", data.get("effectiveExit").asText());
        assertEquals("2023-08-25", data.get("termsVersion").asText());
        assertEquals(decision.decisionId().toString(), data.at("/decision/decisionId").asText());
        assertEquals(decision.meetingId().toString(), data.at("/decision/meetingId").asText());
        assertEquals(decision.agendaItemId().toString(), data.at("/decision/agendaItemId").asText());
        assertEquals(12, data.at("/decision/itemNumber").asInt());
        assertEquals(correlationId, KafkaEvents.header(record, "ce_correlationid"), "the decision's correlation id");
        assertEquals(eventId.toString(), KafkaEvents.header(record, "ce_causationid"), "the decision event as cause");
    }

    @Test
    void theSameDecisionDeliveredTwiceGivesOneNoticeAndOneEvent() {
        var struer = ReferenceIds.organization("struer");
        var decision = decision("NOTED", withdrawal(struer, "2024-03-05", "notice noted"));
        var eventId = UUID.randomUUID();
        send(decision, eventId, null);
        send(decision, eventId, null);
        // meetings-service publishing the same decision again under a new event id changes nothing either.
        var republished = UUID.randomUUID();
        send(decision, republished, null);
        awaitHandled(republished);

        assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId));
        assertEquals(1L, withdrewInOutbox(struer));
        given().get(MEMBERS + "/" + struer).then().statusCode(200)
                .body("noticeGivenOn", equalTo("2024-03-05")).body("effectiveExit", equalTo("2025-04-01"));
        given().get(MEMBERS + "/" + struer + "/history").then().statusCode(200)
                .body("change", equalTo(List.of("ADD", "MOD")));
        var published = KafkaEvents.all(bootstrap, MEMBERSHIPS, r -> isWithdrew(r, struer), Duration.ofSeconds(3));
        assertEquals(1, published.size(), "one CollaborationMemberWithdrew for Struer");
    }

    @Test
    void aSecondDecisionWithdrawingTheSameMemberGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        var lemvig = ReferenceIds.organization("lemvig");
        var holstebro = ReferenceIds.organization("holstebro");
        var meeting = UUID.randomUUID();
        send(decision(meeting, "APPROVED", withdrawal(lemvig, "2024-03-05", "first notice")), UUID.randomUUID(), null);
        var second = decision(meeting, "APPROVED", withdrawal(lemvig, "2024-06-10", "second notice"));
        var secondEvent = UUID.randomUUID();
        send(second, secondEvent, null);
        // On the same partition after the poison decision: applied only if the consumer goes on.
        var following = UUID.randomUUID();
        send(decision(meeting, "APPROVED", withdrawal(holstebro, "2024-06-10", "after the conflict")), following, null);

        var dead = KafkaEvents.await(bootstrap, DEAD_LETTER,
                r -> secondEvent.toString().equals(KafkaEvents.header(r, "ce_id")));
        assertEquals(meeting.toString(), dead.key());
        var reason = KafkaEvents.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("decision " + second.decisionId()) && reason.contains("COLLABORATION_WITHDRAWAL")
                && reason.contains("is refused (the current state does not allow it)")
                && reason.contains("gave notice on 2024-03-05 already; it exits on 2025-04-01"), reason);
        assertEquals(DECISIONS, KafkaEvents.header(dead, "dead-letter-topic"));

        awaitHandled(following);
        given().get(MEMBERS + "/" + holstebro).then().body("noticeGivenOn", equalTo("2024-06-10"))
                .body("effectiveExit", equalTo("2025-07-01"));
        given().get(MEMBERS + "/" + lemvig).then().body("noticeGivenOn", equalTo("2024-03-05"))
                .body("reason", equalTo("first notice"));
        assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", secondEvent));
    }

    @Test
    void theEffectsOfOneDecisionApplyAllOrNothing() {
        var favrskov = ReferenceIds.organization("favrskov");
        var samso = ReferenceIds.organization("samso");
        var decision = decision("APPROVED", withdrawal(favrskov, "2024-03-05", "leaves"),
                withdrawal(samso, "2024-03-05", "was never a member"));
        var eventId = UUID.randomUUID();
        send(decision, eventId, null);

        var dead = KafkaEvents.await(bootstrap, DEAD_LETTER,
                r -> eventId.toString().equals(KafkaEvents.header(r, "ce_id")));
        var reason = KafkaEvents.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("is refused (it breaks a rule on organizationId)")
                && reason.contains("is not a member of collaboration " + GOVTECH), reason);
        given().get(MEMBERS + "/" + favrskov).then().body("noticeGivenOn", nullValue())
                .body("effectiveExit", nullValue()).body("status", equalTo("ACTIVE"));
        assertEquals(0L, withdrewInOutbox(favrskov));
    }

    @Test
    void aJoinDecisionStartsTheMembershipOnTheJoinDate() throws Exception {
        var viborg = ReferenceIds.organization("viborg");
        var decision = decision("APPROVED", join(viborg, "2024-05-13"));
        var eventId = UUID.randomUUID();
        send(decision, eventId, null);
        send(decision, eventId, null);
        awaitHandled(eventId);

        given().get(MEMBERS + "/" + viborg + "?on=2024-05-13").then().statusCode(200)
                .body("joinedOn", equalTo("2024-05-13"))
                .body("status", equalTo("ACTIVE"))
                .body("joinDecision.decisionId", equalTo(decision.decisionId().toString()))
                .body("joinDecision.itemNumber", equalTo(12));
        given().get(MEMBERS + "?on=2024-05-12").then().body("organizationId", not(hasItem(viborg.toString())));
        given().get(MEMBERS + "?on=2024-05-13").then().body("organizationId", hasItem(viborg.toString()));
        given().get(MEMBERS).then().body("findAll { it.organizationId == '" + viborg + "' }", hasSize(1));

        var record = KafkaEvents.await(bootstrap, MEMBERSHIPS, r -> GOVTECH.toString().equals(r.key())
                && CollaborationMemberJoined.TYPE.equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(viborg.toString()));
        var data = JSON.readTree(record.value());
        assertEquals("2024-05-13", data.get("joinedOn").asText());
        assertEquals(decision.decisionId().toString(), data.at("/decision/decisionId").asText());
        assertEquals(eventId.toString(), KafkaEvents.header(record, "ce_causationid"));
    }

    @Test
    void aRejectedDecisionChangesNoMembership() {
        var norddjurs = ReferenceIds.organization("norddjurs");
        var silkeborg = ReferenceIds.organization("silkeborg");
        var eventId = UUID.randomUUID();
        send(decision("REJECTED", withdrawal(norddjurs, "2024-03-05", "proposed"), join(silkeborg, "2024-05-01")),
                eventId, null);
        awaitHandled(eventId);

        given().get(MEMBERS + "/" + norddjurs).then().statusCode(200)
                .body("noticeGivenOn", nullValue()).body("status", equalTo("ACTIVE"));
        given().get(MEMBERS + "/" + silkeborg).then().statusCode(404);
        assertEquals(0L, withdrewInOutbox(norddjurs));
    }

    @Test
    void anAppointmentSeatsThePersonAndEndsThePreviousHolderOfTheSingleChair() {
        var body = body("Styregruppe for udbud " + UUID.randomUUID());
        var previous = person("Karen Lund");
        var appointed = person("Peter Vang");
        given().contentType("application/json").body("""
                {"personId":"%s","role":"CHAIR","validFrom":"2022-01-01"}""".formatted(previous))
                .post("/api/groups/bodies/" + body + "/members").then().statusCode(201);
        var decision = decision("APPROVED", appointment(appointed, "CHAIR", body, "2024-03-01", "2025-12-31"));
        var eventId = UUID.randomUUID();
        send(decision, eventId, null);
        awaitHandled(eventId);

        given().get("/api/groups/bodies/" + body + "/members?on=2024-03-01").then().statusCode(200)
                .body("personId", equalTo(List.of(appointed.toString())))
                .body("role", equalTo(List.of("CHAIR")))
                .body("validFrom", equalTo(List.of("2024-03-01")))
                .body("validTo", equalTo(List.of("2025-12-31")));
        given().get("/api/groups/bodies/" + body + "/members?on=2024-02-29").then()
                .body("personId", equalTo(List.of(previous.toString())))
                .body("validTo", equalTo(List.of("2024-02-29")))
                .body("endReason", equalTo(List.of("succeeded by decision " + decision.decisionId() + " (item 12)")));

        // Recorded again (a correction, a new event): still one seat.
        var again = UUID.randomUUID();
        send(decision, again, null);
        awaitHandled(again);
        given().get("/api/groups/bodies/" + body + "/members").then().body("personId",
                equalTo(List.of(previous.toString(), appointed.toString())));
    }

    @Test
    void anAppointmentWithoutBodyOrDateSeatsThePersonInTheDecidingBodyFromTheMeetingAndAMemberChangesRole() {
        var body = body("Arbejdsgruppe " + UUID.randomUUID());
        var member = person("Ole Birk");
        given().contentType("application/json").body("""
                {"personId":"%s","role":"MEMBER","voting":false,"validFrom":"2023-01-01"}""".formatted(member))
                .post("/api/groups/bodies/" + body + "/members").then().statusCode(201);
        var eventId = UUID.randomUUID();
        send(new DecisionRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 7, body,
                LocalDate.of(2024, 3, 5), "APPROVED", List.of(appointment(member, "VICE_CHAIR", null, null, null))),
                eventId, null);
        awaitHandled(eventId);

        given().get("/api/groups/bodies/" + body + "/members").then()
                .body("role", equalTo(List.of("MEMBER", "VICE_CHAIR")))
                .body("validFrom", equalTo(List.of("2023-01-01", "2024-03-05")))
                .body("validTo", equalTo(java.util.Arrays.asList("2024-03-04", null)))
                .body("voting", equalTo(List.of(false, false)));
    }

    @Test
    void anAppointmentThatBreaksASeatRuleGoesToTheDeadLetterTopicAndChangesNothing() {
        var body = body("Styregruppe " + UUID.randomUUID());
        var chair = person("Lise Dam");
        given().contentType("application/json").body("""
                {"personId":"%s","role":"CHAIR","validFrom":"2024-03-01"}""".formatted(chair))
                .post("/api/groups/bodies/" + body + "/members").then().statusCode(201);
        // The chair's seat begins the day the other is appointed: it cannot end the day before.
        var decision = decision("APPROVED", appointment(person("Mads Krog"), "CHAIR", body, "2024-03-01", null));
        var eventId = UUID.randomUUID();
        send(decision, eventId, null);

        var dead = KafkaEvents.await(bootstrap, DEAD_LETTER,
                r -> eventId.toString().equals(KafkaEvents.header(r, "ce_id")));
        var reason = KafkaEvents.header(dead, "dead-letter-reason");
        assertTrue(reason.contains("decision " + decision.decisionId()) && reason.contains("APPOINTMENT")
                && reason.contains("is refused (it breaks a rule on validTo)")
                && reason.contains("must not be before the seat began (2024-03-01)"), reason);
        given().get("/api/groups/bodies/" + body + "/members").then().body("personId",
                equalTo(List.of(chair.toString()))).body("validTo", equalTo(java.util.Arrays.asList((Object) null)));
    }

    private static UUID body(String name) {
        return UUID.fromString(given().contentType("application/json").body("""
                {"kind":"WORKING_GROUP","name":"%s"}""".formatted(name))
                .post("/api/groups/bodies").then().statusCode(201).extract().path("id"));
    }

    private static UUID person(String name) {
        return UUID.fromString(given().contentType("application/json").body("""
                {"name":"%s"}""".formatted(name))
                .post("/api/groups/persons").then().statusCode(201).extract().path("id"));
    }

    private static DecisionEffect appointment(UUID person, String role, UUID body, String from, String until) {
        return new DecisionEffect(UUID.randomUUID(), DecisionEffect.APPOINTMENT, null, null,
                from == null ? null : LocalDate.parse(from), person, role, body,
                until == null ? null : LocalDate.parse(until), null, null, null);
    }

    private static DecisionRecorded decision(String outcome, DecisionEffect... effects) {
        return decision(UUID.randomUUID(), outcome, effects);
    }

    private static DecisionRecorded decision(UUID meeting, String outcome, DecisionEffect... effects) {
        return new DecisionRecorded(UUID.randomUUID(), meeting, UUID.randomUUID(), 12, KDNET,
                LocalDate.of(2024, 3, 5), outcome, List.of(effects));
    }

    private static DecisionEffect withdrawal(UUID organization, String noticeGiven, String reason) {
        return new DecisionEffect(UUID.randomUUID(), DecisionEffect.COLLABORATION_WITHDRAWAL, organization, GOVTECH,
                LocalDate.parse(noticeGiven), null, null, null, null, null, null, reason);
    }

    private static DecisionEffect join(UUID organization, String joinedOn) {
        return new DecisionEffect(UUID.randomUUID(), DecisionEffect.COLLABORATION_JOIN, organization, GOVTECH,
                LocalDate.parse(joinedOn), null, null, null, null, null, null, null);
    }

    /** Sends the decision as meetings-service's outbox would: a CloudEvent keyed by the meeting. */
    private void send(DecisionRecorded decision, UUID eventId, String correlationId) {
        var event = new CloudEvent(eventId, "/kdnet/meetings-service", decision.type(), decision.subject(),
                OffsetDateTime.now(), correlationId, null, JSON.valueToTree(decision));
        var record = event.toRecord(decision.topic());
        var headers = new HashMap<String, String>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaEvents.send(bootstrap, record.topic(), record.key(), record.value(), headers);
    }

    /** The inbox row is written in the transaction that applies the decision: once there, it is done. */
    private void awaitHandled(UUID eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'groups.decisions' AND event_id = ?1", eventId) == 1);
    }

    private ConsumerRecord<String, String> withdrew(UUID organization) {
        return KafkaEvents.await(bootstrap, MEMBERSHIPS, r -> isWithdrew(r, organization));
    }

    private static boolean isWithdrew(ConsumerRecord<String, String> record, UUID organization) {
        return GOVTECH.toString().equals(record.key())
                && CollaborationMemberWithdrew.TYPE.equals(KafkaEvents.header(record, "ce_type"))
                && record.value().contains(organization.toString());
    }

    private long withdrewInOutbox(UUID organization) {
        return count("SELECT count(*) FROM outbox_event WHERE type = '" + CollaborationMemberWithdrew.TYPE
                + "' AND data->>'organizationId' = CAST(?1 AS text)", organization);
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }
}
