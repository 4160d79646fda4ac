package dk.kdnet.meetings.attachment;

import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class AttachmentApiTest extends AsSecretariat {

    @Inject
    EntityManager em;

    private static UUID item() {
        return addItem(schedule(UUID.randomUUID(), "2023-06-02"), "GovTech Midtjylland");
    }

    @Test
    void anEsdhReferenceIsAttachedAndItsContentRedirectsToTheEsdhSystem() {
        var item = item();
        var id = given().contentType(ContentType.JSON).body("""
                {"system":"SBSYS","documentId":"2023-123456","title":"Bilag 9 - Budgetforslag 2024 (GovTech Midtjylland)",
                 "url":"https://esdh.example.dk/dokument/2023-123456"}""")
                .post("/api/meetings/items/" + item + "/attachments").then().statusCode(201)
                .body("kind", equalTo("ESDH")).body("esdhSystem", equalTo("SBSYS"))
                .body("esdhDocumentId", equalTo("2023-123456")).extract().path("id").toString();
        given().get("/api/meetings/items/" + item + "/attachments").then().statusCode(200)
                .body("title", contains("Bilag 9 - Budgetforslag 2024 (GovTech Midtjylland)"));
        given().redirects().follow(false).get("/api/meetings/attachments/" + id + "/content").then().statusCode(303)
                .header("Location", equalTo("https://esdh.example.dk/dokument/2023-123456"));
    }

    @Test
    void anIncompleteEsdhReferenceIsInvalid() {
        given().contentType(ContentType.JSON).body("{\"system\":\"SBSYS\",\"title\":\"Bilag\",\"url\":\"not a url\"}")
                .post("/api/meetings/items/" + item() + "/attachments").then().statusCode(400)
                .body("errors.field", hasItem("documentId")).body("errors.field", hasItem("url"));
    }

    @Test
    void anUploadedFileIsStoredInTheDatabaseWithItsChecksumAndServedBack() throws Exception {
        var item = item();
        var bytes = "%PDF-1.4 Referat KD-Net 14-04-2023".getBytes(StandardCharsets.UTF_8);
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        var id = UUID.fromString(given().contentType("application/pdf").body(bytes)
                .queryParam("title", "Bilag 1 - Referat - KD-net 14-04-2023").queryParam("fileName", "referat.pdf")
                .post("/api/meetings/items/" + item + "/attachments/files").then().statusCode(201)
                .body("kind", equalTo("FILE")).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(bytes.length)).body("sha256", equalTo(sha))
                .extract().path("id"));
        given().get("/api/meetings/items/" + item + "/attachments").then()
                .body("contentUrl", contains("/api/meetings/attachments/" + id + "/content"));

        var served = given().get("/api/meetings/attachments/" + id + "/content").then().statusCode(200)
                .contentType("application/pdf").header("ETag", equalTo("\"" + sha + "\""))
                .extract().asByteArray();
        assertArrayEquals(bytes, served);
        // In PostgreSQL, not on this instance's disk: any instance serves it after any restart.
        assertEquals(bytes.length, ((Number) em.createNativeQuery(
                "SELECT length(content) FROM attachment_content WHERE attachment_id = ?1").setParameter(1, id)
                .getSingleResult()).intValue());
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        given().contentType("application/pdf").body(new byte[2049]).queryParam("title", "Stor fil")
                .post("/api/meetings/items/" + item() + "/attachments/files").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/payload-too-large"))
                .body("context.maxBytes", equalTo(2048));
    }

    @Test
    void aFileOfAnUnacceptedTypeIsRefusedWith415() {
        given().contentType("application/x-msdownload").body(new byte[10]).queryParam("title", "program.exe")
                .post("/api/meetings/items/" + item() + "/attachments/files").then().statusCode(415)
                .body("type", equalTo("https://kdnet.dk/problems/unsupported-media-type"))
                .body("context.accepted", hasItem("application/pdf"));
    }

    @Test
    void theFileOfAClosedItemIsNotServedToAnonymousCallers() {
        var closed = addItemJson(schedule(UUID.randomUUID(), "2023-06-02"), "{\"title\":\"Personalesag\",\"closed\":true}");
        var id = given().contentType("text/plain").body("fortroligt").queryParam("title", "Notat")
                .post("/api/meetings/items/" + closed + "/attachments/files").then().statusCode(201)
                .extract().path("id").toString();
        given().auth().none().get("/api/meetings/attachments/" + id + "/content").then().statusCode(404);
        given().auth().none().get("/api/meetings/items/" + closed + "/attachments").then().statusCode(404);
    }

    @Test
    void anAttachmentIsRemoved() {
        var item = item();
        var id = given().contentType("text/plain").body("x").queryParam("title", "Notat")
                .post("/api/meetings/items/" + item + "/attachments/files").then().statusCode(201)
                .extract().path("id").toString();
        given().delete("/api/meetings/attachments/" + id).then().statusCode(204);
        given().get("/api/meetings/attachments/" + id + "/content").then().statusCode(404);
    }

    @Test
    void removingAnItemFromADraftAgendaRemovesItsAttachments() {
        var item = item();
        var id = given().contentType("text/plain").body("x").queryParam("title", "Notat")
                .post("/api/meetings/items/" + item + "/attachments/files").then().statusCode(201)
                .extract().path("id").toString();
        given().delete("/api/meetings/items/" + item).then().statusCode(204);
        given().get("/api/meetings/attachments/" + id + "/content").then().statusCode(404);
    }
}
