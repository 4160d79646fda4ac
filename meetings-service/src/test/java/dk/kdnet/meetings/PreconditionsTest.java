package dk.kdnet.meetings;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.etag;
import static dk.kdnet.meetings.Fixtures.meeting;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every update is based on the version the client read: without If-Match it is refused with 428, with a stale
 * one with 412, and either way nothing changes (no audit revision, no event); with the current one it succeeds
 * and answers the next version's ETag. Reads carry the ETag and answer 304 to a matching If-None-Match.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PreconditionsTest extends AsSecretariat {

    private static final String STALE = "\"99\"";

    @Inject
    DataSource dataSource;

    private static ValidatableResponse put(String path, String ifMatch, String json) {
        var request = given().contentType(ContentType.JSON).body(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(path).then();
    }

    private static void refused(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType("application/problem+json").body("type", endsWith("/" + type));
    }

    private static int revisions(String historyPath) {
        return given().get(historyPath).then().statusCode(200).extract().path("size()");
    }

    /** The events written for a key (a meeting's id keys its meeting, agenda and decision events). */
    private long events(UUID key) throws SQLException {
        try (var connection = dataSource.getConnection();
                var count = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_key = ?")) {
            count.setString(1, key.toString());
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void aReadCarriesTheETagAndAMatchingIfNoneMatchIsNotModified() {
        var meeting = schedule(UUID.randomUUID(), "2023-10-06");
        var item = addItem(meeting, "Status på digitalisering");
        for (var path : new String[] {"/api/meetings/" + meeting, "/api/meetings/items/" + item}) {
            var tag = given().get(path).then().statusCode(200).header("ETag", equalTo("\"0\"")).extract().header("ETag");
            given().header("If-None-Match", tag).get(path).then().statusCode(304).body(emptyOrNullString());
            given().header("If-None-Match", "\"7\"").get(path).then().statusCode(200).header("ETag", equalTo(tag));
        }
    }

    @Test
    void aMeetingIsChangedOnlyFromTheVersionThatWasRead() throws SQLException {
        var body = UUID.randomUUID();
        var meeting = schedule(body, "2023-10-06");
        var path = "/api/meetings/" + meeting;
        var moved = meeting(body, "2023-10-13T10:00:00+02:00", "2023-10-13T13:00:00+02:00");
        var events = events(meeting);

        refused(put(path, null, moved), 428, "precondition-required");
        refused(put(path, STALE, moved), 412, "precondition-failed");
        given().get(path).then().header("ETag", equalTo("\"0\"")).body("startsAt", equalTo("2023-10-06T10:00:00+02:00"));
        assertEquals(1, revisions(path + "/history"));
        assertEquals(events, events(meeting));

        put(path, "\"0\"", moved).statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1))
                .body("startsAt", equalTo("2023-10-13T10:00:00+02:00"));
        assertEquals(2, revisions(path + "/history"));
        assertEquals(events + 1, events(meeting));
        refused(put(path, "\"0\"", moved), 412, "precondition-failed");
    }

    @Test
    void anAgendaItemIsChangedOnlyFromTheVersionThatWasRead() throws SQLException {
        var meeting = schedule(UUID.randomUUID(), "2023-10-06");
        var item = addItem(meeting, "Status på digitalisering");
        var path = "/api/meetings/items/" + item;
        var changed = "{\"title\":\"Status på digitalisering (ændret)\"}";
        var events = events(meeting);

        refused(put(path, null, changed), 428, "precondition-required");
        refused(put(path, STALE, changed), 412, "precondition-failed");
        given().get(path).then().header("ETag", equalTo("\"0\"")).body("title", equalTo("Status på digitalisering"));
        assertEquals(1, revisions(path + "/history"));
        assertEquals(events, events(meeting));

        put(path, "\"0\"", changed).statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1))
                .body("title", equalTo("Status på digitalisering (ændret)"));
        assertEquals(2, revisions(path + "/history"));
    }

    @Test
    void theAgendaIsReorderedOnlyFromTheMeetingVersionThatWasRead() throws SQLException {
        var meeting = schedule(UUID.randomUUID(), "2023-10-06");
        var a = addItem(meeting, "A");
        var b = addItem(meeting, "B");
        var path = "/api/meetings/" + meeting + "/items/order";
        var order = "{\"itemIds\":[\"%s\",\"%s\"]}".formatted(b, a);
        var read = etag("/api/meetings/" + meeting);
        var events = events(meeting);

        refused(put(path, null, order), 428, "precondition-required");
        refused(put(path, STALE, order), 412, "precondition-failed");
        given().get("/api/meetings/" + meeting + "/items").then().body("title", contains("A", "B"));
        assertEquals(1, revisions("/api/meetings/items/" + a + "/history"));
        assertEquals(events, events(meeting));

        put(path, read, order).statusCode(200).header("ETag", equalTo("\"1\"")).body("title", contains("B", "A"));
        assertEquals("\"1\"", etag("/api/meetings/" + meeting));
        // A second reorder from the same reading would undo the first without having seen it.
        refused(put(path, read, "{\"itemIds\":[\"%s\",\"%s\"]}".formatted(a, b)), 412, "precondition-failed");
        given().get("/api/meetings/" + meeting + "/items").then().body("title", contains("B", "A"));
    }

    @Test
    void aDecisionIsRecordedFirstWithoutIfMatchAndReplacedOnlyFromTheVersionThatWasRead() throws SQLException {
        var meeting = schedule(UUID.randomUUID(), "2023-10-06");
        var item = addItem(meeting, "Lægevagten");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        var path = "/api/meetings/items/" + item + "/decision";

        refused(put(path, "\"0\"", "{\"outcome\":\"NOTED\"}"), 412, "precondition-failed");
        put(path, null, "{\"outcome\":\"NOTED\"}").statusCode(200).header("ETag", equalTo("\"0\""));
        var events = events(meeting);
        // A retried first recording (its answer lost) is the recorded decision: answered, nothing changes.
        put(path, null, "{\"outcome\":\"NOTED\"}").statusCode(200).header("ETag", equalTo("\"0\""));
        assertEquals(events, events(meeting));

        var replacement = "{\"outcome\":\"DISCUSSED\",\"text\":\"KD-Net drøftede sagen.\"}";
        refused(put(path, null, replacement), 428, "precondition-required");
        refused(put(path, STALE, replacement), 412, "precondition-failed");
        given().get(path).then().header("ETag", equalTo("\"0\"")).body("outcome", equalTo("NOTED"));
        assertEquals(1, revisions(path + "/history"));
        assertEquals(events, events(meeting));

        put(path, "\"0\"", replacement).statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1))
                .body("outcome", equalTo("DISCUSSED"));
        assertEquals(2, revisions(path + "/history"));
        assertEquals(events + 1, events(meeting));
    }

    @Test
    void aBodysNumberingIsChosenFirstWithoutIfMatchAndChangedOnlyFromTheVersionThatWasRead() {
        var path = "/api/meetings/bodies/" + UUID.randomUUID() + "/numbering";
        given().get(path).then().statusCode(200).header("ETag", equalTo("\"-1\"")).body("policy", equalTo("PER_MEETING"));
        put(path, null, "{\"policy\":\"CONTINUOUS_YEARLY\"}").statusCode(200).header("ETag", equalTo("\"0\""));

        refused(put(path, null, "{\"policy\":\"PER_MEETING\"}"), 428, "precondition-required");
        refused(put(path, "\"-1\"", "{\"policy\":\"PER_MEETING\"}"), 412, "precondition-failed");
        given().get(path).then().header("ETag", equalTo("\"0\"")).body("policy", equalTo("CONTINUOUS_YEARLY"));
        given().header("If-None-Match", "\"0\"").get(path).then().statusCode(304);

        put(path, "\"0\"", "{\"policy\":\"PER_MEETING\"}").statusCode(200).header("ETag", equalTo("\"1\""))
                .body("policy", equalTo("PER_MEETING")).body("version", equalTo(1));
    }

    @Test
    void aFirstNumberingChoiceMayNameTheDefaultItRead() {
        var path = "/api/meetings/bodies/" + UUID.randomUUID() + "/numbering";
        put(path, etag(path), "{\"policy\":\"CONTINUOUS_ELECTORAL_TERM\"}").statusCode(200)
                .header("ETag", equalTo("\"0\""));
    }
}
