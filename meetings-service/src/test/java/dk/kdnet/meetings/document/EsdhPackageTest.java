package dk.kdnet.meetings.document;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.event;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class EsdhPackageTest extends AsSecretariat {

    /** Configured in application.properties (%test) with its own KLE classification. */
    private static final UUID CLASSIFIED_BODY = UUID.fromString("00000000-0000-4000-8000-00000000e5d4");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Map<String, byte[]> unzip(UUID meeting) throws Exception {
        var response = given().get("/api/meetings/" + meeting + "/esdh-package").then().statusCode(200)
                .contentType("application/zip").extract();
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"esdh-"));
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonNode validMetadata(Map<String, byte[]> entries) throws Exception {
        var metadata = Fixtures.JSON.readTree(entries.get("metadata.json"));
        var schemaText = given().get(EsdhPackage.SCHEMA).then().statusCode(200).extract().asString();
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText);
        var errors = schema.validate(metadata.toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + " in " + metadata.toPrettyString());
        return metadata;
    }

    /** Every document the metadata names is in the ZIP with the size and SHA-256 stated; nothing else is. */
    private static void checksumsMatch(JsonNode metadata, Map<String, byte[]> entries) throws Exception {
        assertEquals(metadata.get("documents").size() + 1, entries.size(), entries.keySet().toString());
        for (var document : metadata.get("documents")) {
            var bytes = entries.get(document.get("fileName").asText());
            assertEquals(document.get("sizeBytes").asLong(), bytes.length, document.toString());
            assertEquals(document.get("sha256").asText(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), document.toString());
        }
    }

    @Test
    void thePackageOfAHeldMeetingHoldsBothPdfsTheFilesAndValidMetadataWithMatchingChecksums() throws Exception {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        addItem(meeting, "Godkendelse af dagsorden");
        var govtech = addItemJson(meeting, """
                {"title":"GovTech Midtjylland","caseNumber":"00.01.10-A00-7-23","recommendation":["at KD-Net godkender budgettet"]}""");
        var file = "%PDF-1.4 Budgetforslag 2024 (GovTech Midtjylland)".getBytes(StandardCharsets.UTF_8);
        given().contentType("application/pdf").body(file).queryParam("title", "Bilag 9 - Budgetforslag 2024")
                .queryParam("fileName", "budgetforslag-2024.pdf")
                .post("/api/meetings/items/" + govtech + "/attachments/files").then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"system":"SBSYS","documentId":"2023-123456","title":"Målbillede og status 2021-2023",
                 "url":"https://esdh.example.dk/dokument/2023-123456"}""")
                .post("/api/meetings/items/" + govtech + "/attachments").then().statusCode(201);
        action(meeting, "publish-agenda");
        action(meeting, "hold");

        var entries = unzip(meeting);
        var metadata = validMetadata(entries);
        checksumsMatch(metadata, entries);
        assertEquals("[dagsorden-2023-08-25.pdf, referat-2023-08-25.pdf, bilag/budgetforslag-2024.pdf, metadata.json]",
                entries.keySet().toString());
        assertEquals("00.01.10", metadata.at("/meeting/kleClassification").asText());
        assertEquals("HELD", metadata.at("/meeting/status").asText());

        var documents = metadata.get("documents");
        assertEquals("AGENDA", documents.get(0).get("kind").asText());
        assertEquals("2023-08-25", documents.get(0).get("documentDate").asText());
        assertEquals("00.01.10-A00-3-23", documents.get(0).get("caseNumber").asText());
        assertEquals("application/pdf", documents.get(0).get("mediaType").asText());
        assertEquals("MINUTES", documents.get(1).get("kind").asText());
        assertTrue(PdfText.of(entries.get("referat-2023-08-25.pdf")).all().contains("Beslutning"));
        var attachment = documents.get(2);
        assertEquals("ATTACHMENT", attachment.get("kind").asText());
        assertEquals("Bilag 9 - Budgetforslag 2024", attachment.get("title").asText());
        assertEquals("00.01.10-A00-7-23", attachment.get("caseNumber").asText(), "the item's own case number");
        assertEquals(2, attachment.get("agendaItemNumber").asInt());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)),
                attachment.get("sha256").asText());

        var reference = metadata.get("esdhReferences").get(0);
        assertEquals("SBSYS", reference.get("system").asText());
        assertEquals("2023-123456", reference.get("documentId").asText());
        assertEquals("Bilag 2 - Målbillede og status 2021-2023 (SBSYS 2023-123456)", reference.get("title").asText());
    }

    @Test
    void aPlannedMeetingsPackageHasTheAgendaOnlyAndTheBodysOwnKleClassification() throws Exception {
        var meeting = schedule(CLASSIFIED_BODY, "2023-09-29");
        addItem(meeting, "Godkendelse af dagsorden");
        var entries = unzip(meeting);
        var metadata = validMetadata(entries);
        checksumsMatch(metadata, entries);
        assertEquals("[dagsorden-2023-09-29.pdf, metadata.json]", entries.keySet().toString());
        assertEquals("27.00.00", metadata.at("/meeting/kleClassification").asText());
        assertEquals("27.00.00", metadata.at("/documents/0/kleClassification").asText());
        assertEquals(0, metadata.get("esdhReferences").size());
    }

    @Test
    void approvedMinutesAnnounceThatThePackageIsReady() {
        var body = UUID.randomUUID();
        var june = schedule(body, "2023-06-02");
        addItem(june, "CDEU - Rammestrategi");
        action(june, "publish-agenda");
        action(june, "hold");
        var august = schedule(body, "2023-08-25");
        var approve = addItemJson(august, """
                {"title":"Godkendelse af referatet fra mødet d. 2. juni 2023","standardType":"APPROVE_MINUTES"}""");
        action(august, "publish-agenda");
        action(august, "hold");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\"}")
                .put("/api/meetings/items/" + approve + "/decision").then().statusCode(200);

        var ready = event(bootstrap, "meetings.meetings", june, "dk.kdnet.meetings.esdh-package-ready.v1", e -> true);
        assertEquals(june.toString(), ready.get("meetingId").asText());
        assertEquals(body.toString(), ready.get("bodyId").asText());
        assertEquals("00.01.10-A00-3-23", ready.get("caseNumber").asText());
        assertEquals("/api/meetings/" + june + "/esdh-package", ready.get("packagePath").asText());
        given().get(ready.get("packagePath").asText()).then().statusCode(200).contentType("application/zip");
    }
}
