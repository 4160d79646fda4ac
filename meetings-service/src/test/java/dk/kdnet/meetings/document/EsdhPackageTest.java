package dk.kdnet.meetings.document;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItem;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.attach;
import static dk.kdnet.meetings.Fixtures.decide;
import static dk.kdnet.meetings.Fixtures.event;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dk.kdnet.meetings.Fixtures;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class EsdhPackageTest extends AsSecretariat {

    /** Configured in application.properties (%test) with its own KLE classification. */
    private static final UUID HEDENSTED = ReferenceIds.organization("hedensted");
    private static final UUID GOVTECH = ReferenceIds.collaboration("govtech-midtjylland");

    private static final UUID CLASSIFIED_BODY = UUID.fromString("00000000-0000-4000-8000-00000000e5d4");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Map<String, byte[]> unzip(UUID meeting) throws Exception {
        return unzip(meeting, given());
    }

    private static Map<String, byte[]> unzip(UUID meeting, RequestSpecification caller) throws Exception {
        var response = caller.get("/api/meetings/" + meeting + "/esdh-package").then().statusCode(200)
                .contentType("application/zip").extract();
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"KD-Net-moede-"),
                response.header("Content-Disposition"));
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
            assertEquals(document.at("/checksum/value").asText(),
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
        given().contentType(ContentType.JSON).body("""
                {"outcome":"APPROVED","effects":[{"kind":"COLLABORATION_WITHDRAWAL","organizationId":"%s",
                 "collaborationId":"%s","date":"2023-08-25"}]}""".formatted(HEDENSTED, GOVTECH))
                .put("/api/meetings/items/" + govtech + "/decision").then().statusCode(200);

        var entries = unzip(meeting);
        var metadata = validMetadata(entries);
        checksumsMatch(metadata, entries);
        assertEquals("[KD-Net-møde-2023-08-25-dagsorden.pdf, KD-Net-møde-2023-08-25-referat.pdf, "
                + "bilag/budgetforslag-2024.pdf, metadata.json]", entries.keySet().toString());
        assertEquals("HELD", metadata.at("/meeting/status").asText());
        assertEquals("BODY", metadata.at("/body/role").asText());

        var documents = metadata.get("documents");
        var agenda = documents.get(0);
        assertEquals("AGENDA", agenda.get("documentType").asText());
        assertEquals("Dagsorden KD-Net møde", agenda.get("title").asText());
        assertEquals("2023-08-25", agenda.get("documentDate").asText());
        assertEquals(meeting.toString(), agenda.at("/meeting/id").asText());
        assertEquals("2023-08-25T10:00:00+02:00", agenda.at("/meeting/startsAt").asText());
        assertEquals("00.01.10-A00-3-23", agenda.get("caseNumber").asText());
        assertEquals("00.01.10 G01", agenda.at("/kle/code").asText());
        assertEquals("00.01.10", agenda.at("/kle/subjectNumber").asText());
        assertEquals("G01", agenda.at("/kle/actionFacet").asText());
        assertEquals("PUBLIC", agenda.at("/access/level").asText());
        assertTrue(agenda.at("/access/reason").isNull());
        assertEquals("SHA-256", agenda.at("/checksum/algorithm").asText());
        assertEquals("application/pdf", agenda.get("mediaType").asText());
        assertEquals("MINUTES", documents.get(1).get("documentType").asText());
        assertTrue(PdfText.of(entries.get("KD-Net-møde-2023-08-25-referat.pdf")).all().contains("Beslutning"));
        var attachment = documents.get(2);
        assertEquals("ATTACHMENT", attachment.get("documentType").asText());
        assertEquals("Bilag 9 - Budgetforslag 2024", attachment.get("title").asText());
        assertEquals("00.01.10-A00-7-23", attachment.get("caseNumber").asText(), "the item's own case number");
        assertEquals(2, attachment.get("agendaItemNumber").asInt());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)),
                attachment.at("/checksum/value").asText());
        // The parties: the body, and what the item's decision names.
        assertEquals("[BODY, ORGANIZATION, COLLABORATION]", attachment.get("parties").findValuesAsText("role").toString());
        assertEquals(List.of(HEDENSTED.toString(), GOVTECH.toString()),
                attachment.get("parties").findValuesAsText("id").subList(1, 3));
        assertEquals(agenda.get("parties"), attachment.get("parties"), "the agenda names the parties of its items");

        var reference = metadata.get("esdhReferences").get(0);
        assertEquals("SBSYS", reference.get("system").asText());
        assertEquals("2023-123456", reference.get("documentId").asText());
        assertEquals("Bilag 2 - Målbillede og status 2021-2023 (SBSYS 2023-123456)", reference.get("title").asText());
    }

    /**
     * The meeting of 25 Aug 2023 with a closed item: the ESDH client's package files it, marked closed with the
     * agenda's reason; the same request with another client token or anonymously holds none of its content.
     */
    @Test
    void theEsdhClientGetsTheClosedItemsMarkedClosedAndNoOtherCallerSeesThem() throws Exception {
        var body = UUID.randomUUID();
        var meeting = schedule(body, "2023-08-25");
        addItem(meeting, "Godkendelse af dagsorden");
        var closed = addItemJson(meeting, """
                {"title":"Quibbix forhandling","summary":"Quibbix resumé","casePresentation":"Quibbix sagsfremstilling",
                 "recommendation":["at Quibbix-aftalen godkendes"],"caseNumber":"00.01.10-A00-9-23","closed":true,
                 "closedReason":"Offentlighedslovens § 30, nr. 2 (forretningsforhold)"}""");
        attach(closed, "text/plain", "Quibbix kontrakt", "Quibbix kontrakt", "kontrakt.txt");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        decide(closed, "{\"outcome\":\"APPROVED\",\"text\":\"Quibbix beslutning\"}");
        Fixtures.approveMinutesAt(body, "2023-09-29");

        var tokens = TestInfrastructure.tokens();
        var esdh = unzip(meeting, given().auth().oauth2(tokens.forEsdhClient("esdh-adapter")));
        var metadata = validMetadata(esdh);
        checksumsMatch(metadata, esdh);
        assertEquals("[KD-Net-møde-2023-08-25-dagsorden.pdf, KD-Net-møde-2023-08-25-referat.pdf, "
                + "KD-Net-møde-2023-08-25-dagsorden-lukket-punkt-2.pdf, KD-Net-møde-2023-08-25-referat-lukket-punkt-2.pdf, "
                + "bilag/kontrakt.txt, metadata.json]", esdh.keySet().toString());
        var documents = metadata.get("documents");
        assertEquals("[PUBLIC, PUBLIC, CLOSED, CLOSED, CLOSED]", documents.findValuesAsText("level").toString());
        for (var i = 2; i < 5; i++) {
            var document = documents.get(i);
            assertEquals("Offentlighedslovens § 30, nr. 2 (forretningsforhold)", document.at("/access/reason").asText());
            assertEquals(2, document.get("agendaItemNumber").asInt(), document.toString());
            assertEquals("00.01.10-A00-9-23", document.get("caseNumber").asText());
        }
        assertEquals("[AGENDA, MINUTES, AGENDA, MINUTES, ATTACHMENT]",
                documents.findValuesAsText("documentType").toString());
        assertEquals("Referat KD-Net møde, punkt 2: Quibbix forhandling", documents.get(3).get("title").asText());
        var publicAgenda = PdfText.of(esdh.get("KD-Net-møde-2023-08-25-dagsorden.pdf")).all();
        assertTrue(publicAgenda.contains("Punkt 2: Lukket punkt") && !publicAgenda.contains("Quibbix"), publicAgenda);
        var closedMinutes = PdfText.of(esdh.get("KD-Net-møde-2023-08-25-referat-lukket-punkt-2.pdf")).all();
        assertTrue(closedMinutes.contains("Quibbix sagsfremstilling") && closedMinutes.contains("Quibbix beslutning"),
                closedMinutes);
        assertTrue(!closedMinutes.contains("Godkendelse af dagsorden"), "the excerpt holds the closed item only");

        for (var caller : List.of(given().auth().none(),
                given().auth().oauth2(tokens.forClient("aarhus-finance", null)),
                given().auth().oauth2(tokens.forClient("aarhus-finance", ReferenceIds.organization("aarhus"))))) {
            var entries = unzip(meeting, caller);
            var shown = validMetadata(entries);
            checksumsMatch(shown, entries);
            assertEquals("[KD-Net-møde-2023-08-25-dagsorden.pdf, KD-Net-møde-2023-08-25-referat.pdf, metadata.json]",
                    entries.keySet().toString());
            assertEquals("[PUBLIC, PUBLIC]", shown.get("documents").findValuesAsText("level").toString());
            for (var entry : entries.entrySet()) {
                var text = entry.getKey().endsWith(".pdf") ? PdfText.of(entry.getValue()).all()
                        : new String(entry.getValue(), StandardCharsets.UTF_8);
                assertFalse(text.contains("Quibbix") || text.contains(closed.toString())
                        || text.contains("00.01.10-A00-9-23") || text.contains("forretningsforhold"),
                        entry.getKey() + " shows the closed item: " + text);
            }
            assertTrue(PdfText.of(entries.get("KD-Net-møde-2023-08-25-referat.pdf")).all().contains("Lukket punkt"));
        }
    }

    @Test
    void aPlannedMeetingsPackageHasTheAgendaOnlyAndTheBodysOwnKleClassification() throws Exception {
        var meeting = schedule(CLASSIFIED_BODY, "2023-09-29");
        addItem(meeting, "Godkendelse af dagsorden");
        var entries = unzip(meeting);
        var metadata = validMetadata(entries);
        checksumsMatch(metadata, entries);
        assertEquals("[KD-Net-møde-2023-09-29-dagsorden.pdf, metadata.json]", entries.keySet().toString());
        assertEquals("27.00.00 G01", metadata.at("/documents/0/kle/code").asText(), "the default action facet");
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
        decide(approve, "{\"outcome\":\"APPROVED\"}");

        var ready = event(bootstrap, "meetings.meetings", june, "dk.kdnet.meetings.esdh-package-ready.v1", e -> true);
        assertEquals(june.toString(), ready.get("meetingId").asText());
        assertEquals(body.toString(), ready.get("bodyId").asText());
        assertEquals("00.01.10-A00-3-23", ready.get("caseNumber").asText());
        assertEquals("/api/meetings/" + june + "/esdh-package", ready.get("packagePath").asText());
        assertEquals("http://localhost:8080/api/meetings/" + june + "/esdh-package", ready.get("packageUrl").asText());
        assertEquals("http://localhost:8080/api/meetings/esdh-package.schema.json",
                ready.get("metadataSchemaUrl").asText());
        given().get(ready.get("packagePath").asText()).then().statusCode(200).contentType("application/zip");
    }
}
