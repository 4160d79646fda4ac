package dk.kdnet.meetings;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.testing.KafkaEvents;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds meetings and agendas through the API, and reads the events they publish. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    public static String meeting(UUID body, String startsAt, String endsAt) {
        return """
                {"bodyId":"%s","title":"KD-Net møde","kind":"ORDINARY","startsAt":"%s","endsAt":"%s",
                 "location":{"kind":"PLACE","place":"Scandic Silkeborg"},"caseNumber":"00.01.10-A00-3-23"}"""
                .formatted(body, startsAt, endsAt);
    }

    /** A meeting of {@code body} on {@code date} (yyyy-MM-dd) from 10 to 13 Copenhagen time. */
    public static UUID schedule(UUID body, String date) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(meeting(body, date + "T10:00:00+02:00", date + "T13:00:00+02:00"))
                .post("/api/meetings").then().statusCode(201).extract().path("id"));
    }

    public static UUID addItem(UUID meeting, String title) {
        return addItemJson(meeting, """
                {"title":"%s","presenters":["Formand for KD-Net"],"recommendation":["at KD-Net godkender"]}"""
                .formatted(title));
    }

    public static UUID addItemJson(UUID meeting, String json) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(json)
                .post("/api/meetings/" + meeting + "/items").then().statusCode(201).extract().path("id"));
    }

    /** Uploads a file attachment to an item. */
    public static void attach(UUID item, String contentType, String content, String title, String fileName) {
        given().contentType(contentType).body(content.getBytes(StandardCharsets.UTF_8))
                .queryParam("title", title).queryParam("fileName", fileName)
                .post("/api/meetings/items/" + item + "/attachments/files").then().statusCode(201);
    }

    /** Records (or, the first time, sets) an item's decision. */
    public static void decide(UUID item, String json) {
        given().contentType(ContentType.JSON).body(json).put("/api/meetings/items/" + item + "/decision").then()
                .statusCode(200);
    }

    public static void action(UUID meeting, String action) {
        given().contentType(ContentType.JSON).post("/api/meetings/" + meeting + "/" + action).then().statusCode(200);
    }

    /** The body's next meeting, on {@code date}, approves the previous meeting's minutes (item APPROVE_MINUTES). */
    public static void approveMinutesAt(UUID body, String date) {
        var next = schedule(body, date);
        var approve = addItemJson(next, "{\"title\":\"Godkendelse af referat\",\"standardType\":\"APPROVE_MINUTES\"}");
        action(next, "publish-agenda");
        action(next, "hold");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\"}")
                .put("/api/meetings/items/" + approve + "/decision").then().statusCode(200);
    }

    public static void numbering(UUID body, String policy) {
        given().contentType(ContentType.JSON).body("{\"policy\":\"" + policy + "\"}")
                .put("/api/meetings/bodies/" + body + "/numbering").then().statusCode(200);
    }

    /** The ETag a read of {@code path} answers, for the If-Match of an update. */
    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    public static List<Integer> numbers(UUID meeting) {
        return given().get("/api/meetings/" + meeting + "/items").then().statusCode(200).extract().path("number");
    }

    /** The one event of {@code type} keyed by {@code key} on {@code topic} that matches. */
    public static JsonNode event(String bootstrap, String topic, UUID key, String type, Predicate<JsonNode> match) {
        return data(KafkaEvents.await(bootstrap, topic,
                r -> key.toString().equals(r.key()) && type.equals(KafkaEvents.header(r, "ce_type"))
                        && match.test(data(r))));
    }

    /** Sends a CloudEvent as groups-service would. */
    public static void send(String bootstrap, String topic, UUID key, String type, String data) {
        var headers = new HashMap<String, String>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/kdnet/groups-service");
        headers.put("ce_type", type);
        headers.put("ce_subject", key.toString());
        headers.put("ce_time", "2024-01-01T00:00:00Z");
        headers.put("content-type", "application/json");
        KafkaEvents.send(bootstrap, topic, key.toString(), data, headers);
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
