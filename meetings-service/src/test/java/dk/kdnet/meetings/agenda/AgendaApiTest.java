package dk.kdnet.meetings.agenda;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.etag;
import static dk.kdnet.meetings.Fixtures.numbering;
import static dk.kdnet.meetings.Fixtures.numbers;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class AgendaApiTest extends AsSecretariat {

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static void items(UUID meeting, int count) {
        for (var i = 1; i <= count; i++) {
            addItem(meeting, "Punkt " + i);
        }
    }

    @Test
    void continuousYearlyNumberingRunsOnAcrossTheYearsMeetingsAsKdNetDidIn2023() {
        var body = UUID.randomUUID();
        numbering(body, "CONTINUOUS_YEARLY");
        given().get("/api/meetings/bodies/" + body + "/numbering").then().statusCode(200)
                .body("policy", equalTo("CONTINUOUS_YEARLY"));
        // Items 1–17 went to a seminar before January; 21–34 to the meetings up to 14 April.
        var seminar = schedule(body, "2023-01-10");
        items(seminar, 17);
        action(seminar, "publish-agenda");
        var january = schedule(body, "2023-01-27");
        items(january, 3);
        action(january, "publish-agenda");
        var april = schedule(body, "2023-04-14");
        items(april, 14);
        action(april, "publish-agenda");
        var june = schedule(body, "2023-06-02");
        items(june, 17);
        action(june, "publish-agenda");
        var august = schedule(body, "2023-08-25");
        items(august, 12);
        action(august, "publish-agenda");

        assertEquals(range(18, 20), numbers(january));
        assertEquals(range(35, 51), numbers(june));
        assertEquals(range(52, 63), numbers(august));

        var nextYear = schedule(body, "2024-01-26");
        items(nextYear, 2);
        action(nextYear, "publish-agenda");
        assertEquals(List.of(1, 2), numbers(nextYear));
    }

    @Test
    void perMeetingNumberingStartsAtOneAndNumbersAppearAtPublication() {
        var body = UUID.randomUUID();
        var first = schedule(body, "2021-03-01");
        items(first, 3);
        assertEquals(Collections.nCopies(3, null), numbers(first), "no numbers before publication");
        action(first, "publish-agenda");
        var second = schedule(body, "2021-04-01");
        items(second, 2);
        action(second, "publish-agenda");
        assertEquals(List.of(1, 2, 3), numbers(first));
        assertEquals(List.of(1, 2), numbers(second));
    }

    @Test
    void anItemAddedToAPublishedAgendaTakesTheNextFreeNumber() {
        var body = UUID.randomUUID();
        numbering(body, "CONTINUOUS_YEARLY");
        var august = schedule(body, "2023-08-25");
        items(august, 3);
        action(august, "publish-agenda");
        var added = addItem(august, "Høreområdet");
        given().get("/api/meetings/items/" + added).then().statusCode(200).body("number", equalTo(4))
                .body("position", equalTo(4));
    }

    @Test
    void aCancelledMeetingsNumbersAreNotReused() {
        var body = UUID.randomUUID();
        numbering(body, "CONTINUOUS_YEARLY");
        var cancelled = schedule(body, "2023-09-01");
        items(cancelled, 4);
        action(cancelled, "publish-agenda");
        action(cancelled, "cancel");
        var next = schedule(body, "2023-09-15");
        items(next, 2);
        action(next, "publish-agenda");
        assertEquals(List.of(5, 6), numbers(next));
    }

    @Test
    void theAgendaIsReorderedBeforePublicationOnly() {
        var meeting = schedule(UUID.randomUUID(), "2023-10-01");
        var a = addItem(meeting, "A");
        var b = addItem(meeting, "B");
        var c = addItem(meeting, "C");
        given().contentType(ContentType.JSON).header("If-Match", etag("/api/meetings/" + meeting))
                .body("{\"itemIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(c, a, b)).put("/api/meetings/" + meeting + "/items/order").then().statusCode(200)
                .body("title", contains("C", "A", "B")).body("position", contains(1, 2, 3));
        given().contentType(ContentType.JSON).header("If-Match", etag("/api/meetings/" + meeting))
                .body("{\"itemIds\":[\"%s\",\"%s\"]}".formatted(c, a)).put("/api/meetings/" + meeting + "/items/order").then().statusCode(422)
                .body("errors.field", contains("itemIds"));
        action(meeting, "publish-agenda");
        given().get("/api/meetings/" + meeting + "/items").then().body("title", contains("C", "A", "B"))
                .body("number", contains(1, 2, 3));
        given().contentType(ContentType.JSON).header("If-Match", etag("/api/meetings/" + meeting))
                .body("{\"itemIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(a, b, c)).put("/api/meetings/" + meeting + "/items/order").then().statusCode(409)
                .body("context.currentStatus", equalTo("AGENDA_PUBLISHED"));
        given().delete("/api/meetings/items/" + a).then().statusCode(409);
    }

    @Test
    void anItemIsRemovedBeforePublicationAndTheOthersCloseUp() {
        var meeting = schedule(UUID.randomUUID(), "2023-10-02");
        var a = addItem(meeting, "A");
        addItem(meeting, "B");
        given().delete("/api/meetings/items/" + a).then().statusCode(204);
        given().get("/api/meetings/" + meeting + "/items").then().body("title", contains("B"))
                .body("position", contains(1));
        given().get("/api/meetings/items/" + a).then().statusCode(404);
    }

    @Test
    void anItemCarriesItsWholeContent() {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        var item = addItemJson(meeting, """
                {"title":"Principper for udligningsmodeller","presenters":["Formand for KOSU"],
                 "summary":"Principper for tværsektorielle udbud","recommendation":["at godkende principperne",
                 "at godkende model 1"],"casePresentation":"## Baggrund\\n\\nKOSU har drøftet *modellerne*.",
                 "closed":false,"caseNumber":"00.01.10-A00-3-23"}""");
        given().get("/api/meetings/items/" + item).then().statusCode(200)
                .body("recommendation", contains("at godkende principperne", "at godkende model 1"))
                .body("presenters", contains("Formand for KOSU"))
                .body("casePresentation", equalTo("## Baggrund\n\nKOSU har drøftet *modellerne*."))
                .body("standardType", nullValue()).body("number", nullValue());
        given().contentType(ContentType.JSON).header("If-Match", etag("/api/meetings/items/" + item)).body("""
                {"title":"Godkendelse af referat","standardType":"APPROVE_MINUTES"}""")
                .put("/api/meetings/items/" + item).then().statusCode(200)
                .body("standardType", equalTo("APPROVE_MINUTES")).body("recommendation.size()", equalTo(0));
        given().get("/api/meetings/items/" + item + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD"));
    }

    @Test
    void anItemWithoutTitleOrOfAnUnknownStandardTypeIsInvalid() {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        given().contentType(ContentType.JSON).body("{\"title\":\" \"}").post("/api/meetings/" + meeting + "/items")
                .then().statusCode(400).body("errors.field", contains("title"));
        given().contentType(ContentType.JSON).body("{\"title\":\"x\",\"standardType\":\"LUNCH\"}")
                .post("/api/meetings/" + meeting + "/items").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"title\":\"x\"}").post("/api/meetings/" + UUID.randomUUID() + "/items")
                .then().statusCode(404);
    }

    @Test
    void aClosedItemIsLeftOutForAnonymousCallersAndShownToMembers() {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        addItem(meeting, "Åbent punkt");
        var closed = addItemJson(meeting, "{\"title\":\"Personalesag\",\"closed\":true}");
        action(meeting, "publish-agenda");
        given().auth().none().get("/api/meetings/" + meeting + "/items").then().body("title", contains("Åbent punkt"));
        given().auth().none().get("/api/meetings/items/" + closed).then().statusCode(404);

        given().auth().oauth2(member()).get("/api/meetings/" + meeting + "/items").then()
                .body("title", contains("Åbent punkt", "Personalesag"));
        given().auth().oauth2(member()).get("/api/meetings/items/" + closed).then().statusCode(200)
                .body("closed", equalTo(true));
    }

    @Test
    void aBodysNumberingPolicyIsPerMeetingUntilSetAndMustBeKnown() {
        var body = UUID.randomUUID();
        given().get("/api/meetings/bodies/" + body + "/numbering").then().body("policy", equalTo("PER_MEETING"));
        given().contentType(ContentType.JSON).body("{\"policy\":\"SOMETIMES\"}")
                .put("/api/meetings/bodies/" + body + "/numbering").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}")
                .put("/api/meetings/bodies/" + body + "/numbering").then().statusCode(400);
        numbering(body, "CONTINUOUS_ELECTORAL_TERM");
        var numbered = new ArrayList<Integer>();
        for (var date : List.of("2023-06-01", "2025-06-01")) {
            var meeting = schedule(body, date);
            items(meeting, 2);
            action(meeting, "publish-agenda");
            numbered.addAll(numbers(meeting));
        }
        assertEquals(List.of(1, 2, 3, 4), numbered, "one sequence through the 2022–2025 term");
    }
}
