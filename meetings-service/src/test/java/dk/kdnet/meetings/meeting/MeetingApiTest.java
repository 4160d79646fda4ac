package dk.kdnet.meetings.meeting;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.etag;
import static dk.kdnet.meetings.Fixtures.event;
import static dk.kdnet.meetings.Fixtures.meeting;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class MeetingApiTest extends AsSecretariat {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aScheduledMeetingIsShownInCopenhagenTimeAndAnnounced() {
        var body = UUID.randomUUID();
        var id = UUID.fromString(given().contentType(ContentType.JSON)
                .body(meeting(body, "2023-08-25T08:00:00Z", "2023-08-25T11:00:00Z"))
                .post("/api/meetings").then().statusCode(201)
                .header("Location", containsString("/api/meetings/"))
                .body("status", equalTo("PLANNED"))
                .body("startsAt", equalTo("2023-08-25T10:00:00+02:00"))
                .body("endsAt", equalTo("2023-08-25T13:00:00+02:00"))
                .body("location.kind", equalTo("PLACE"))
                .body("location.place", equalTo("Scandic Silkeborg"))
                .extract().path("id"));

        given().get("/api/meetings/" + id).then().statusCode(200).body("bodyId", equalTo(body.toString()))
                .body("caseNumber", equalTo("00.01.10-A00-3-23"));
        var scheduled = event(bootstrap, "meetings.meetings", id, "dk.kdnet.meetings.meeting-scheduled.v1", e -> true);
        assertEquals(body.toString(), scheduled.get("bodyId").asText());
        assertEquals("PLANNED", scheduled.get("status").asText());
        assertEquals("Scandic Silkeborg", scheduled.get("place").asText());
    }

    @Test
    void aMeetingWithoutBodyIsInvalid() {
        given().contentType(ContentType.JSON).body("""
                {"title":"x","kind":"ORDINARY","startsAt":"2023-08-25T10:00:00+02:00",
                 "endsAt":"2023-08-25T11:00:00+02:00","location":{"kind":"PLACE","place":"Viborg"}}""")
                .post("/api/meetings").then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors.field", hasItem(containsString("bodyId")));
    }

    @Test
    void aMeetingCannotEndBeforeItStarts() {
        given().contentType(ContentType.JSON)
                .body(meeting(UUID.randomUUID(), "2023-08-25T10:00:00+02:00", "2023-08-25T09:00:00+02:00"))
                .post("/api/meetings").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors.field", contains("endsAt"));
    }

    @Test
    void anOnlineMeetingNamesItsPlatform() {
        given().contentType(ContentType.JSON).body("""
                {"bodyId":"%s","title":"Online","kind":"ORDINARY","startsAt":"2023-08-25T10:00:00+02:00",
                 "endsAt":"2023-08-25T11:00:00+02:00","location":{"kind":"ONLINE"}}""".formatted(UUID.randomUUID()))
                .post("/api/meetings").then().statusCode(422).body("errors.field", contains("location.platform"));
        given().contentType(ContentType.JSON).body("""
                {"bodyId":"%s","title":"Online","kind":"STATUS","startsAt":"2023-08-25T10:00:00+02:00",
                 "endsAt":"2023-08-25T11:00:00+02:00","location":{"kind":"ONLINE","platform":"Microsoft Teams"}}"""
                .formatted(UUID.randomUUID()))
                .post("/api/meetings").then().statusCode(201).body("location.platform", equalTo("Microsoft Teams"))
                .body("kind", equalTo("STATUS"));
    }

    @Test
    void listFiltersByBodyYearStatusAndDateRangeAndPages() {
        var body = UUID.randomUUID();
        var january = schedule(body, "2023-01-27");
        var june = schedule(body, "2023-06-02");
        var august = schedule(body, "2023-08-25");
        var nextYear = schedule(body, "2024-01-26");
        schedule(UUID.randomUUID(), "2023-06-02");
        addItem(june, "Godkendelse af dagsorden");
        action(june, "publish-agenda");

        given().queryParam("body", body).queryParam("year", 2023).get("/api/meetings").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(january.toString(), june.toString(),
                        august.toString()));
        given().queryParam("body", body).queryParam("status", "AGENDA_PUBLISHED").get("/api/meetings").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(june.toString()));
        given().queryParam("body", body).queryParam("from", "2023-06-02").queryParam("to", "2023-08-25")
                .get("/api/meetings").then().body("items.id", contains(june.toString(), august.toString()));
        given().queryParam("body", body).queryParam("size", 2).queryParam("page", 1).get("/api/meetings").then()
                .body("total", equalTo(4)).body("page", equalTo(1)).body("items.id", contains(august.toString(),
                        nextYear.toString()));
        given().queryParam("body", body).queryParam("sort", "-startsAt").queryParam("size", 3).get("/api/meetings")
                .then().statusCode(200).body("items.id", contains(nextYear.toString(), august.toString(),
                        june.toString()));
        given().queryParam("body", body).queryParam("sort", "startsAt").get("/api/meetings").then()
                .body("items[0].id", equalTo(january.toString()));
        given().queryParam("body", body).queryParam("sort", "title").get("/api/meetings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", equalTo("must be one of startsAt, each with - in front for descending; "
                        + "was title"));
    }

    @Test
    void aMeetingIsChangedUntilItIsHeld() {
        var body = UUID.randomUUID();
        var id = schedule(body, "2023-11-10");
        given().contentType(ContentType.JSON)
                .body(meeting(body, "2023-11-10T09:00:00+01:00", "2023-11-10T12:00:00+01:00")
                        .replace("KD-Net møde", "KD-Net møde (flyttet)"))
                .header("If-Match", etag("/api/meetings/" + id)).put("/api/meetings/" + id).then().statusCode(200)
                .body("title", equalTo("KD-Net møde (flyttet)")).body("startsAt", equalTo("2023-11-10T09:00:00+01:00"));
        var changed = event(bootstrap, "meetings.meetings", id, "dk.kdnet.meetings.meeting-changed.v1",
                e -> e.get("title").asText().endsWith("(flyttet)"));
        assertEquals("PLANNED", changed.get("status").asText());

        addItem(id, "Godkendelse af dagsorden");
        action(id, "publish-agenda");
        action(id, "hold");
        given().contentType(ContentType.JSON)
                .body(meeting(body, "2023-11-10T09:00:00+01:00", "2023-11-10T12:00:00+01:00"))
                .header("If-Match", etag("/api/meetings/" + id)).put("/api/meetings/" + id).then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("context.currentStatus", equalTo("HELD"));
        var december = schedule(body, "2023-12-01");
        given().contentType(ContentType.JSON)
                .body(meeting(UUID.randomUUID(), "2023-11-10T09:00:00+01:00", "2023-11-10T12:00:00+01:00"))
                .header("If-Match", etag("/api/meetings/" + december)).put("/api/meetings/" + december).then()
                .statusCode(422)
                .body("errors.field", contains("bodyId"));
    }

    @Test
    void anAgendaWithoutItemsIsNotPublished() {
        var id = schedule(UUID.randomUUID(), "2023-09-01");
        given().post("/api/meetings/" + id + "/publish-agenda").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("detail", containsString("without items"));
        given().get("/api/meetings/" + id).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void aWrongTransitionIsAConflictNamingTheCurrentStatus() {
        var id = schedule(UUID.randomUUID(), "2023-09-01");
        given().post("/api/meetings/" + id + "/hold").then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("detail", containsString("PLANNED"))
                .body("context.currentStatus", equalTo("PLANNED"));
        addItem(id, "Godkendelse af dagsorden");
        action(id, "publish-agenda");
        given().post("/api/meetings/" + id + "/publish-agenda").then().statusCode(409)
                .body("context.currentStatus", equalTo("AGENDA_PUBLISHED"));
        action(id, "hold");
        given().contentType(ContentType.JSON).post("/api/meetings/" + id + "/cancel").then().statusCode(409)
                .body("context.currentStatus", equalTo("HELD"));
    }

    @Test
    void publishingHoldingAndCancellingAreAnnounced() {
        var body = UUID.randomUUID();
        var id = schedule(body, "2023-09-01");
        var item = addItem(id, "GovTech Midtjylland");
        addItemJson(id, """
                {"title":"Personalesag","closed":true}""");
        action(id, "publish-agenda");
        var published = event(bootstrap, "meetings.meetings", id, "dk.kdnet.meetings.agenda-published.v1", e -> true);
        assertEquals(2, published.get("items").size());
        assertEquals(item.toString(), published.get("items").get(0).get("agendaItemId").asText());
        assertEquals(1, published.get("items").get(0).get("number").asInt());
        assertEquals("GovTech Midtjylland", published.get("items").get(0).get("title").asText());
        assertEquals(true, published.get("items").get(1).get("closed").asBoolean());
        assertEquals(true, published.get("items").get(1).get("title").isNull(), "a closed item's title stays inside");

        given().contentType(ContentType.JSON).body("{\"reason\":\"For få kunne deltage\"}")
                .post("/api/meetings/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("For få kunne deltage"));
        var cancelled = event(bootstrap, "meetings.meetings", id, "dk.kdnet.meetings.meeting-cancelled.v1", e -> true);
        assertEquals("For få kunne deltage", cancelled.get("reason").asText());
        assertEquals(body.toString(), cancelled.get("bodyId").asText());
    }

    @Test
    void aMeetingIsCancelledWithoutGivingAReason() {
        var id = schedule(UUID.randomUUID(), "2023-09-22");
        given().contentType(ContentType.JSON).body("{}").post("/api/meetings/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo(null));
    }

    @Test
    void holdingIsAnnouncedAsAChange() {
        var id = schedule(UUID.randomUUID(), "2023-09-08");
        addItem(id, "Godkendelse af dagsorden");
        action(id, "publish-agenda");
        action(id, "hold");
        var held = event(bootstrap, "meetings.meetings", id, "dk.kdnet.meetings.meeting-changed.v1",
                e -> "HELD".equals(e.get("status").asText()));
        assertEquals("PLACE", held.get("locationKind").asText());
    }

    @Test
    void anUnknownMeetingIsNotFound() {
        given().get("/api/meetings/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
        given().post("/api/meetings/" + UUID.randomUUID() + "/hold").then().statusCode(404);
    }

    @Test
    void theHistoryShowsEachChangeOfAMeeting() {
        var id = schedule(UUID.randomUUID(), "2023-09-15");
        addItem(id, "Godkendelse af dagsorden");
        action(id, "publish-agenda");
        given().get("/api/meetings/" + id + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD"))
                .body("state.status", contains("PLANNED", "AGENDA_PUBLISHED"))
                .body("actor", everyItem(notNullValue())).body("changedAt", everyItem(notNullValue()));
    }
}
