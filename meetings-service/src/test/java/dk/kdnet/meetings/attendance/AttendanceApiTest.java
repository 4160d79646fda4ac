package dk.kdnet.meetings.attendance;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Expected participants come from groups-service's membership events, sent here on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class AttendanceApiTest extends AsSecretariat {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID body = UUID.randomUUID();
    private final UUID anna = UUID.randomUUID();
    private final UUID jens = UUID.randomUUID();
    private final UUID former = UUID.randomUUID();

    @Test
    void expectedParticipantsAreTheBodysMembersOnTheMeetingDateWithApologiesSubstitutesAndGuests() {
        seat(anna, "Anna Holm", "2022-01-01", null);
        seat(jens, "Jens Skov", "2023-01-01", null);
        var formerSeat = seat(former, "Mette Lund", "2020-01-01", null);
        send(body, "dk.kdnet.groups.body-membership-ended.v1", "groups.body-memberships", """
                {"membershipId":"%s","bodyId":"%s","personId":"%s","validTo":"2023-05-31","endReason":"job change"}"""
                .formatted(formerSeat, body, former));
        var meeting = schedule(body, "2023-08-25");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(attendance(meeting)).then()
                .statusCode(200).body("expected.personId", contains(anna.toString(), jens.toString())));

        given().contentType(ContentType.JSON).body("{\"personId\":\"%s\",\"note\":\"ferie\"}".formatted(jens))
                .post(attendance(meeting) + "/apologies").then().statusCode(201).body("kind", equalTo("APOLOGY"))
                .body("displayName", equalTo("Jens Skov"));
        given().contentType(ContentType.JSON).body("{\"personId\":\"%s\"}".formatted(jens))
                .post(attendance(meeting) + "/apologies").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"personId\":\"%s\"}".formatted(former))
                .post(attendance(meeting) + "/apologies").then().statusCode(422)
                .body("errors.field", contains("personId"));
        given().contentType(ContentType.JSON).body("""
                {"forPersonId":"%s","displayName":"Ole Dahl","note":"direktør"}""".formatted(jens))
                .post(attendance(meeting) + "/substitutes").then().statusCode(201)
                .body("forPersonId", equalTo(jens.toString()));
        given().contentType(ContentType.JSON).body("""
                {"forPersonId":"%s","displayName":"Ole Dahl"}""".formatted(former))
                .post(attendance(meeting) + "/substitutes").then().statusCode(422);
        var guest = given().contentType(ContentType.JSON).body("{\"displayName\":\"Eva Berg\",\"note\":\"oplægsholder\"}")
                .post(attendance(meeting) + "/guests").then().statusCode(201).extract().path("id").toString();
        given().contentType(ContentType.JSON).body("{}").post(attendance(meeting) + "/guests").then().statusCode(400)
                .body("errors.field", contains("displayName"));

        given().get(attendance(meeting)).then().statusCode(200)
                .body("date", equalTo("2023-08-25"))
                .body("expected.status", contains("EXPECTED", "SUBSTITUTED"))
                .body("apologies.personId", contains(jens.toString()))
                .body("substitutes.displayName", contains("Ole Dahl"))
                .body("guests.displayName", contains("Eva Berg"));
        given().delete(attendance(meeting) + "/" + guest).then().statusCode(204);
        given().get(attendance(meeting)).then().body("guests.size()", equalTo(0));

        // GDPR: an erased person's name goes from the read model and from the recorded apology.
        send(anna, "dk.kdnet.groups.person-erased.v1", "groups.persons", """
                {"personId":"%s","displayName":"Slettet person"}""".formatted(jens));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(attendance(meeting)).then()
                .body("expected[1].displayName", equalTo("Slettet person"))
                .body("apologies[0].displayName", equalTo("Slettet person")));
        given().get(attendance(meeting)).then().body("expected[0].displayName", equalTo("Anna Holm"));
    }

    @Test
    void attendanceIsClosedForACancelledMeeting() {
        var meeting = schedule(body, "2023-09-01");
        addItem(meeting, "Afbud");
        action(meeting, "cancel");
        given().contentType(ContentType.JSON).body("{\"displayName\":\"Eva Berg\"}").post(attendance(meeting) + "/guests")
                .then().statusCode(409).body("context.currentStatus", equalTo("CANCELLED"));
        given().get("/api/meetings/" + UUID.randomUUID() + "/attendance").then().statusCode(404);
    }

    private static String attendance(UUID meeting) {
        return "/api/meetings/" + meeting + "/attendance";
    }

    private UUID seat(UUID person, String name, String from, String to) {
        var membership = UUID.randomUUID();
        send(body, "dk.kdnet.groups.body-membership-started.v1", "groups.body-memberships", """
                {"membershipId":"%s","bodyId":"%s","personId":"%s","personDisplayName":"%s","role":"MEMBER",
                 "voting":true,"validFrom":"%s","validTo":%s}""".formatted(membership, body, person, name, from,
                to == null ? "null" : "\"" + to + "\""));
        return membership;
    }

    private void send(UUID key, String type, String topic, String data) {
        Fixtures.send(bootstrap, topic, key, type, data);
    }
}
