package dk.kdnet.meetings.access;

import static dk.kdnet.meetings.Fixtures.JSON;
import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.approveMinutesAt;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** An agenda before publication and minutes before approval are drafts: members and the secretariat only. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class DraftVisibilityTest extends AsSecretariat {

    @Test
    void anUnpublishedAgendaIsNotShownToAnonymousCallers() {
        var meeting = schedule(UUID.randomUUID(), "2023-11-10");
        var item = addItem(meeting, "Udkast til budget");

        given().auth().none().get("/api/meetings/" + meeting).then().statusCode(200).body("status", equalTo("PLANNED"));
        given().auth().none().get("/api/meetings/" + meeting + "/items").then().statusCode(200).body("size()", equalTo(0));
        for (var path : List.of("/api/meetings/items/" + item, "/api/meetings/items/" + item + "/attachments",
                "/api/meetings/" + meeting + "/agenda.pdf", "/api/meetings/" + meeting + "/esdh-package")) {
            given().auth().none().get(path).then().statusCode(404);
        }

        given().auth().oauth2(member()).get("/api/meetings/" + meeting + "/items").then()
                .body("title", contains("Udkast til budget"));
        given().auth().oauth2(member()).get("/api/meetings/items/" + item).then().statusCode(200);
        given().auth().oauth2(member()).get("/api/meetings/" + meeting + "/agenda.pdf").then().statusCode(200);
    }

    @Test
    void minutesAreShownToAnonymousCallersOnlyOnceApproved() throws IOException {
        var body = UUID.randomUUID();
        var meeting = schedule(body, "2023-08-25");
        var item = addItem(meeting, "Lægevagten");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"NOTED\",\"text\":\"Taget til efterretning.\"}")
                .put("/api/meetings/items/" + item + "/decision").then().statusCode(200);

        given().auth().none().get("/api/meetings/items/" + item).then().statusCode(200);
        given().auth().none().get("/api/meetings/items/" + item + "/decision").then().statusCode(404);
        given().auth().none().get("/api/meetings/" + meeting + "/decisions").then().statusCode(200)
                .body("size()", equalTo(0));
        given().auth().none().get("/api/meetings/" + meeting + "/minutes.pdf").then().statusCode(404);
        given().auth().none().get("/api/meetings/" + meeting + "/agenda.pdf").then().statusCode(200);
        assertEquals(List.of("AGENDA"), packageDocuments(given().auth().none()
                .get("/api/meetings/" + meeting + "/esdh-package").then().statusCode(200).extract().asByteArray()));
        given().auth().none().get("/api/meetings/bodies/" + body + "/calendar.ics").then().statusCode(200)
                .body(not(containsString("Referat:")));

        given().auth().oauth2(member()).get("/api/meetings/items/" + item + "/decision").then().statusCode(200)
                .body("outcome", equalTo("NOTED"));
        given().auth().oauth2(member()).get("/api/meetings/" + meeting + "/minutes.pdf").then().statusCode(200);
        given().auth().oauth2(member()).get("/api/meetings/bodies/" + body + "/calendar.ics").then()
                .body(containsString("Referat:"));

        approveMinutesAt(body, "2023-09-15");

        given().auth().none().get("/api/meetings/items/" + item + "/decision").then().statusCode(200)
                .body("outcome", equalTo("NOTED"));
        given().auth().none().get("/api/meetings/" + meeting + "/decisions").then().body("size()", equalTo(1));
        given().auth().none().get("/api/meetings/" + meeting + "/minutes.pdf").then().statusCode(200);
        assertEquals(List.of("AGENDA", "MINUTES"), packageDocuments(given().auth().none()
                .get("/api/meetings/" + meeting + "/esdh-package").then().statusCode(200).extract().asByteArray()));
    }

    @Test
    void auditHistoryNamesStaffSoOnlyMembersAndTheSecretariatReadIt() {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        var item = addItem(meeting, "Lægevagten");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"NOTED\"}")
                .put("/api/meetings/items/" + item + "/decision").then().statusCode(200);
        for (var path : List.of("/api/meetings/" + meeting + "/history", "/api/meetings/items/" + item + "/history",
                "/api/meetings/items/" + item + "/decision/history")) {
            given().auth().none().get(path).then().statusCode(401);
            given().auth().oauth2(member()).get(path).then().statusCode(200).body("size()", greaterThan(0));
        }
    }

    /** The kinds of the documents an ESDH package's metadata lists, in order. */
    private static List<String> packageDocuments(byte[] zip) throws IOException {
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals("metadata.json")) {
                    var kinds = new ArrayList<String>();
                    JSON.readTree(entries.readAllBytes()).get("documents")
                            .forEach(d -> kinds.add(d.get("documentType").asText()));
                    return kinds;
                }
            }
        }
        throw new AssertionError("the package has no metadata.json");
    }
}
