package dk.kdnet.meetings.decision;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.etag;
import static dk.kdnet.meetings.Fixtures.event;
import static dk.kdnet.meetings.Fixtures.numbering;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class DecisionApiTest extends AsSecretariat {

    private static final UUID HEDENSTED = ReferenceIds.organization("hedensted");
    private static final UUID GOVTECH = ReferenceIds.collaboration("govtech-midtjylland");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Records the decision, or replaces it based on its current version. */
    private static ValidatableResponse decide(UUID item, String json) {
        var current = given().get("/api/meetings/items/" + item + "/decision");
        var request = given().contentType(ContentType.JSON).body(json);
        if (current.statusCode() == 200) {
            request.header("If-Match", current.header("ETag"));
        }
        return request.put("/api/meetings/items/" + item + "/decision").then();
    }

    private static String status(UUID meeting) {
        return given().get("/api/meetings/" + meeting).then().extract().path("status");
    }

    /** A planned meeting of the body on the date whose agenda starts with its approval. */
    private static UUID meetingWithOneItem(UUID body, String date) {
        var meeting = schedule(body, date);
        addItem(meeting, "Godkendelse af dagsorden");
        return meeting;
    }

    @Test
    void noDecisionBeforeTheMeetingIsHeld() {
        var meeting = meetingWithOneItem(UUID.randomUUID(), "2023-08-25");
        var item = addItem(meeting, "GovTech Midtjylland");
        action(meeting, "publish-agenda");
        decide(item, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("context.currentStatus", equalTo("AGENDA_PUBLISHED"));
    }

    @Test
    void aWithdrawalIsPublishedAsADecisionWithItsEffect() {
        var body = UUID.randomUUID();
        var meeting = meetingWithOneItem(body, "2023-08-25");
        var item = addItemJson(meeting, """
                {"title":"GovTech Midtjylland","recommendation":["medlemskommuner melder ud, om de ønsker at udtræde",
                 "procedure for ind- og udtræden","projektlisten godkendes","budgettet varierer med antal medlemmer"]}""");
        action(meeting, "publish-agenda");
        action(meeting, "hold");

        var decision = decide(item, """
                {"outcome":"APPROVED","text":"KD-Net bakkede op om indstillingerne. Hedensted Kommune meldte ud.",
                 "partOutcomes":[{"part":1,"outcome":"APPROVED"},{"part":4,"outcome":"APPROVED","note":"med bemærkninger"}],
                 "followUps":[{"what":"Sekretariatet orienterer GovTech","who":"KD-Net sekretariatet","due":"2023-09-01","status":"OPEN"}],
                 "effects":[{"kind":"COLLABORATION_WITHDRAWAL","organizationId":"%s","collaborationId":"%s",
                             "date":"2023-08-25","reason":"udtræder pr. 1. januar 2024"}]}"""
                .formatted(HEDENSTED, GOVTECH))
                .statusCode(200)
                .body("outcome", equalTo("APPROVED"))
                .body("partOutcomes.part", contains(1, 4))
                .body("followUps[0].due", equalTo("2023-09-01"))
                .body("effects[0].kind", equalTo("COLLABORATION_WITHDRAWAL"))
                .body("effects[0].effectId", notNullValue())
                .extract();
        var decisionId = UUID.fromString(decision.path("id"));

        var recorded = event(bootstrap, "meetings.decisions", meeting, "dk.kdnet.meetings.decision-recorded.v1",
                e -> e.get("decisionId").asText().equals(decisionId.toString()));
        assertEquals(item.toString(), recorded.get("agendaItemId").asText());
        assertEquals(2, recorded.get("itemNumber").asInt());
        assertEquals(body.toString(), recorded.get("bodyId").asText());
        assertEquals("2023-08-25", recorded.get("meetingDate").asText());
        assertEquals("APPROVED", recorded.get("outcome").asText());
        var effect = recorded.get("effects").get(0);
        assertEquals("COLLABORATION_WITHDRAWAL", effect.get("kind").asText());
        assertEquals(HEDENSTED.toString(), effect.get("organizationId").asText());
        assertEquals(GOVTECH.toString(), effect.get("collaborationId").asText());
        assertEquals("2023-08-25", effect.get("date").asText());
        assertEquals(decision.path("effects[0].effectId").toString(), effect.get("effectId").asText());

        given().get("/api/meetings/items/" + item + "/decision").then().statusCode(200)
                .body("id", equalTo(decisionId.toString()));
        given().get("/api/meetings/" + meeting + "/decisions").then().statusCode(200)
                .body("agendaItemId", contains(item.toString()));

        // A correction keeps the effect's id, so groups-service recognises the withdrawal it acted on.
        decide(item, """
                {"outcome":"APPROVED","text":"Rettet tekst.","effects":[{"kind":"COLLABORATION_WITHDRAWAL",
                 "organizationId":"%s","collaborationId":"%s","date":"2023-08-25"}]}""".formatted(HEDENSTED, GOVTECH))
                .statusCode(200).body("id", equalTo(decisionId.toString()))
                .body("effects[0].effectId", equalTo(decision.path("effects[0].effectId").toString()));
    }

    @Test
    void anEffectLackingWhatItsKindNeedsIsARuleViolation() {
        var meeting = meetingWithOneItem(UUID.randomUUID(), "2023-08-25");
        var item = addItem(meeting, "Udpegninger");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        decide(item, """
                {"outcome":"APPROVED","effects":[{"kind":"COLLABORATION_JOIN","organizationId":"%s","collaborationId":"%s"},
                 {"kind":"APPOINTMENT"},{"kind":"BUDGET_APPROVED"}]}""".formatted(HEDENSTED, GOVTECH))
                .statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors.field", containsInAnyOrder("effects[0].date", "effects[1].personId", "effects[1].seat",
                        "effects[2].year"));
        // The seat is the role groups-service gives the person; a seat in words could not be carried out.
        decide(item, """
                {"outcome":"APPROVED","effects":[{"kind":"APPOINTMENT","personId":"%s","seat":"Formand for KD-Net"}]}"""
                .formatted(UUID.randomUUID())).statusCode(422)
                .body("errors.field", contains("effects[0].seat"))
                .body("errors.message", contains("this kind of effect names the seat by its role, one of [CHAIR, "
                        + "VICE_CHAIR, MEMBER, OBSERVER, SECRETARY]"));
        decide(item, "{\"outcome\":\"APPROVED\",\"effects\":[{\"kind\":\"DISSOLUTION\"}]}").statusCode(400);
        decide(item, "{\"outcome\":\"APPROVED\",\"partOutcomes\":[{\"part\":2,\"outcome\":\"APPROVED\"}]}")
                .statusCode(422).body("errors.field", contains("partOutcomes[0].part"));
        decide(item, "{\"text\":\"no outcome\"}").statusCode(400).body("errors.field", contains("outcome"));
        decide(UUID.randomUUID(), "{\"outcome\":\"NOTED\"}").statusCode(404);
    }

    @Test
    void aPostponedItemIsCarriedToItsTargetMeetingLinkedToItsOrigin() {
        var body = UUID.randomUUID();
        numbering(body, "CONTINUOUS_YEARLY");
        var august = meetingWithOneItem(body, "2023-08-25");
        var item = addItemJson(august, """
                {"title":"Principper for udligningsmodeller","recommendation":["principper","model 1"],
                 "caseNumber":"00.01.10-A00-3-23"}""");
        action(august, "publish-agenda");
        action(august, "hold");
        var november = schedule(body, "2023-11-10");
        addItem(november, "Godkendelse af dagsorden");

        var carried = UUID.fromString(decide(item, """
                {"outcome":"POSTPONED","text":"Punktet blev udsat til den 10. november 2023.",
                 "followUps":[{"what":"Spørgsmål sendes skriftligt","due":"2023-10-02","status":"OPEN"}],
                 "postponedToMeetingId":"%s"}""".formatted(november))
                .statusCode(200).body("postponedToMeetingId", equalTo(november.toString()))
                .extract().path("postponedItemId"));

        given().get("/api/meetings/items/" + carried).then().statusCode(200)
                .body("meetingId", equalTo(november.toString()))
                .body("originItemId", equalTo(item.toString()))
                .body("title", equalTo("Principper for udligningsmodeller"))
                .body("recommendation", contains("principper", "model 1"));
        action(november, "publish-agenda");
        given().get("/api/meetings/" + november + "/items").then().body("number", contains(3, 4));
        // Recording the same postponement again does not carry the item twice.
        decide(item, "{\"outcome\":\"POSTPONED\",\"postponedToMeetingId\":\"%s\"}".formatted(november)).statusCode(200)
                .body("postponedItemId", equalTo(carried.toString()));
        given().get("/api/meetings/" + november + "/items").then().body("size()", equalTo(2));
    }

    @Test
    void aCorrectedPostponementTakesTheCarriedItemOffTheTargetAgenda() {
        var body = UUID.randomUUID();
        var august = meetingWithOneItem(body, "2023-08-25");
        var item = addItem(august, "Lægevagten");
        action(august, "publish-agenda");
        action(august, "hold");
        var november = schedule(body, "2023-11-10");
        var carried = decide(item, "{\"outcome\":\"POSTPONED\",\"postponedToMeetingId\":\"%s\"}".formatted(november))
                .statusCode(200).extract().path("postponedItemId").toString();
        given().delete("/api/meetings/items/" + carried).then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));

        decide(item, "{\"outcome\":\"DISCUSSED\"}").statusCode(200)
                .body("postponedItemId", equalTo(null)).body("postponedToMeetingId", equalTo(null));
        given().get("/api/meetings/items/" + carried).then().statusCode(404);
        given().get("/api/meetings/" + november + "/items").then().body("size()", equalTo(0));
    }

    @Test
    void aPostponementNamesALaterMeetingOfTheSameBody() {
        var body = UUID.randomUUID();
        var june = meetingWithOneItem(body, "2023-06-02");
        var august = meetingWithOneItem(body, "2023-08-25");
        var item = addItem(august, "Lægevagten");
        action(august, "publish-agenda");
        action(august, "hold");
        decide(item, "{\"outcome\":\"POSTPONED\"}").statusCode(422).body("errors.field", contains("postponedToMeetingId"));
        decide(item, "{\"outcome\":\"POSTPONED\",\"postponedToMeetingId\":\"%s\"}".formatted(june)).statusCode(422)
                .body("errors.field", contains("postponedToMeetingId"));
        decide(item, "{\"outcome\":\"POSTPONED\",\"postponedToMeetingId\":\"%s\"}".formatted(
                schedule(UUID.randomUUID(), "2023-11-10"))).statusCode(422);
        decide(item, "{\"outcome\":\"NOTED\",\"postponedToMeetingId\":\"%s\"}".formatted(
                schedule(body, "2023-11-10"))).statusCode(422);
    }

    @Test
    void approvingTheMinutesMovesThePreviousMeetingToMinutesApprovedAndFreezesIt() {
        var body = UUID.randomUUID();
        var june = meetingWithOneItem(body, "2023-06-02");
        var juneItem = addItem(june, "CDEU - Rammestrategi");
        action(june, "publish-agenda");
        action(june, "hold");
        var cancelled = schedule(body, "2023-07-01");
        addItem(cancelled, "x");
        action(cancelled, "cancel");
        var august = meetingWithOneItem(body, "2023-08-25");
        var approve = addItemJson(august, """
                {"title":"Godkendelse af referatet fra mødet d. 2. juni 2023","standardType":"APPROVE_MINUTES"}""");
        action(august, "publish-agenda");
        action(august, "hold");

        var decisionId = decide(approve, "{\"outcome\":\"APPROVED\",\"text\":\"Referatet blev godkendt uden bemærkninger.\"}")
                .statusCode(200).extract().path("id").toString();
        assertEquals("MINUTES_APPROVED", status(june));
        assertEquals("HELD", status(august));
        var approved = event(bootstrap, "meetings.meetings", june, "dk.kdnet.meetings.minutes-approved.v1", e -> true);
        assertEquals(august.toString(), approved.get("approvedAtMeetingId").asText());
        assertEquals(decisionId, approved.get("approvedByDecisionId").asText());

        given().contentType(ContentType.JSON).body("{\"title\":\"Ændret\"}")
                .header("If-Match", etag("/api/meetings/items/" + juneItem)).put("/api/meetings/items/" + juneItem)
                .then().statusCode(409).body("context.currentStatus", equalTo("MINUTES_APPROVED"));
        given().contentType(ContentType.JSON).body("{\"title\":\"Nyt\"}").post("/api/meetings/" + june + "/items")
                .then().statusCode(409);
        decide(juneItem, "{\"outcome\":\"NOTED\"}").statusCode(409).body("context.currentStatus",
                equalTo("MINUTES_APPROVED"));
    }

    @Test
    void approvingMinutesWhenThePreviousMeetingWasNotHeldIsAConflict() {
        var body = UUID.randomUUID();
        var june = meetingWithOneItem(body, "2023-06-02");
        action(june, "publish-agenda");
        var august = meetingWithOneItem(body, "2023-08-25");
        var approve = addItemJson(august, "{\"title\":\"Godkendelse af referat\",\"standardType\":\"APPROVE_MINUTES\"}");
        action(august, "publish-agenda");
        action(august, "hold");
        decide(approve, "{\"outcome\":\"APPROVED\"}").statusCode(409)
                .body("context.currentStatus", equalTo("AGENDA_PUBLISHED"));
        assertEquals("AGENDA_PUBLISHED", status(june));
    }

    @Test
    void recordingAgainReplacesTheDecisionAndTheHistoryKeepsBoth() {
        var meeting = meetingWithOneItem(UUID.randomUUID(), "2023-08-25");
        var item = addItem(meeting, "Velfærdsteknologi og bureaukratiske barrierer");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        decide(item, "{\"outcome\":\"NOTED\"}").statusCode(200);
        decide(item, "{\"outcome\":\"DISCUSSED\",\"text\":\"KD-Net drøftede sagen.\"}").statusCode(200);
        given().get("/api/meetings/items/" + item + "/decision").then().body("outcome", equalTo("DISCUSSED"));
        given().get("/api/meetings/items/" + item + "/decision/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD")).body("state.outcome", contains("NOTED", "DISCUSSED"));
    }
}
