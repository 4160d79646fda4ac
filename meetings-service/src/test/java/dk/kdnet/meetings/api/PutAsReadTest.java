package dk.kdnet.meetings.api;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every PUT of meetings-service takes a body as its GET gave it, read-only fields and all; another id is refused. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PutAsReadTest extends AsSecretariat {

    @Test
    void aMeetingAsReadWithANewTitle() {
        var meeting = schedule(UUID.randomUUID(), "2031-03-05");
        roundTrip("/api/meetings/" + meeting, "id", "title", "KD-Net møde, flyttet");
    }

    @Test
    void anAgendaItemAsReadWithANewTitle() {
        var item = addItem(schedule(UUID.randomUUID(), "2031-03-06"), "Budget 2032");
        roundTrip("/api/meetings/items/" + item, "id", "title", "Budget 2032 og overslagsår");
    }

    @Test
    void aDecisionAsReadWithANewText() {
        var meeting = schedule(UUID.randomUUID(), "2031-03-07");
        var item = addItem(meeting, "Strategi");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\",\"text\":\"Godkendt.\"}")
                .put("/api/meetings/items/" + item + "/decision").then().statusCode(200);
        roundTrip("/api/meetings/items/" + item + "/decision", "id", "text", "Godkendt med en tilføjelse.");
    }

    @Test
    void aNumberingAsReadWithAnotherPolicyAndItsBodyIdAsTheIdentifyingField() {
        var path = "/api/meetings/bodies/" + UUID.randomUUID() + "/numbering";
        var first = read(path);
        first.put("policy", "CONTINUOUS_YEARLY");
        given().contentType(ContentType.JSON).body(first).put(path).then().statusCode(200)
                .body("policy", equalTo("CONTINUOUS_YEARLY"));
        roundTrip(path, "bodyId", "policy", "CONTINUOUS_ELECTORAL_TERM");
    }

    /**
     * GET, change one field, PUT it all back with If-Match: taken. The same with another value of the identifying
     * field: a 400 naming it, and the resource as it was.
     */
    private static void roundTrip(String path, String identifying, String field, Object value) {
        var etag = given().get(path).then().statusCode(200).extract().header("ETag");
        var changed = read(path);
        changed.put(field, value);
        var next = given().contentType(ContentType.JSON).header("If-Match", etag).body(changed).put(path).then()
                .statusCode(200).body(field, equalTo(value)).extract().header("ETag");
        given().get(path).then().statusCode(200).body(field, equalTo(value));

        var moved = read(path);
        var other = UUID.randomUUID().toString();
        moved.put(identifying, other);
        moved.put(field, "moved");
        given().contentType(ContentType.JSON).header("If-Match", next).body(moved).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(identifying));
        given().get(path).then().statusCode(200).header("ETag", next).body(field, equalTo(value));
    }

    private static Map<String, Object> read(String path) {
        return new HashMap<>(given().get(path).then().statusCode(200).extract().body().<Map<String, Object>>as(Map.class));
    }
}
