package dk.kdnet.meetings.document;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class MeetingPdfTest extends AsSecretariat {

    private static final UUID AUGUST = ReferenceIds.meeting("kdnet-2023-08-25");
    private static final UUID JUNE = ReferenceIds.meeting("kdnet-2023-06-02");
    private static final UUID KDNET = ReferenceIds.body("kdnet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** KD-Net as groups-service announces it, so the documents carry its name as in production. */
    @BeforeEach
    void kdnetIsKnown() {
        if (given().get("/api/meetings/bodies/" + KDNET).statusCode() == 200) {
            return;
        }
        Fixtures.send(bootstrap, "groups.bodies", KDNET, "dk.kdnet.groups.body-registered.v1", """
                {"bodyId":"%s","kind":"NETWORK","name":"KD-Net (Kommunaldirektørnetværket i den midtjyske region)",
                 "shortName":"KD-Net","validFrom":"2007-01-01"}""".formatted(KDNET));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/meetings/bodies/" + KDNET)
                .then().statusCode(200));
    }

    @Test
    void theReferenceAgendaListsEveryItemOnThePageItsHeadingIsOn() {
        var pdf = PdfText.get("/api/meetings/" + AUGUST + "/agenda.pdf").save("agenda-2023-08-25.pdf");
        var first = pdf.pages().getFirst();
        assertTrue(first.startsWith("KD-Net (Dagsorden)"), first);
        assertTrue(first.contains("Mødetid: 25. august 2023 kl. 10:00"), first);
        assertTrue(first.contains("Mødested: Online (platform ikke angivet)"), first);
        assertTrue(first.contains("Indhold"), first);

        var contents = pdf.contents();
        assertEquals(IntStream.rangeClosed(52, 63).boxed().toList(), List.copyOf(contents.keySet()));
        contents.forEach((number, page) -> assertEquals(pdf.headingPage(number), page, "page of Punkt " + number));
        assertEquals(2, contents.get(52), "the items start on the page after the contents");
        assertTrue(contents.get(63) > contents.get(52));

        var text = pdf.all();
        for (var title : List.of("Afbud", "Godkendelse af dagsorden", "Strategi og handlingsplan for Europæisk Kulturregion",
                "GovTech Midtjylland", "Velfærdsteknologi og bureaukratiske barrierer",
                "Tillæg til samarbejdsaftale vedr. sundhedskoordinator", "Kommende møder i KD-Net", "Eventuelt")) {
            assertTrue(text.contains(title), title);
        }
        assertTrue(text.contains("Indstilling"));
        assertTrue(text.contains("Samlet bilagsliste"));
        assertFalse(text.contains("Beslutning"), "an agenda has no decisions");
        var total = pdf.pages().size();
        for (var p = 0; p < total; p++) {
            assertTrue(pdf.pages().get(p).contains("Side " + (p + 1) + " af " + total), "footer of page " + (p + 1));
        }
    }

    @Test
    void theMinutesPrintEachItemsDecision() {
        var pdf = PdfText.get("/api/meetings/" + JUNE + "/minutes.pdf").save("minutes-2023-06-02.pdf");
        assertTrue(pdf.pages().getFirst().startsWith("KD-Net (Referat)"));
        var text = pdf.all();
        assertTrue(text.contains("Beslutning"));
        assertTrue(text.contains("KD-Net godkendte dagsordenen."), text);
        assertTrue(text.contains("Godkendt"));
        pdf.contents().forEach((number, page) -> assertEquals(pdf.headingPage(number), page, "page of Punkt " + number));
        assertEquals(IntStream.rangeClosed(35, 51).boxed().toList(), List.copyOf(pdf.contents().keySet()));
    }

    @Test
    void minutesOfAMeetingNotYetHeldAreAConflictNamingItsStatus() {
        var meeting = schedule(UUID.randomUUID(), "2023-09-29");
        given().get("/api/meetings/" + meeting + "/minutes.pdf").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("context.currentStatus", equalTo("PLANNED"));
        given().get("/api/meetings/" + UUID.randomUUID() + "/agenda.pdf").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }

    @Test
    void aClosedItemIsInTheMembersVersionOnlyAndListedAsClosedInThePublicOne() {
        var meeting = schedule(UUID.randomUUID(), "2023-08-25");
        addItemJson(meeting, """
                {"title":"Åbent punkt om kollektiv trafik","recommendation":["at KD-Net drøfter høreområdet"]}""");
        var closed = addItemJson(meeting, """
                {"title":"Personalesag vedr. sekretariatschef","closed":true,"summary":"Fortroligt resumé",
                 "recommendation":["at KD-Net godkender fratrædelsesaftalen"],
                 "casePresentation":"Hemmelig sagsfremstilling om **aftalen**.\\n\\n- første vilkår\\n- andet vilkår"}""");
        given().contentType(ContentType.JSON).body("""
                {"system":"SBSYS","documentId":"2023-999","title":"Fortrolig fratrædelsesaftale","url":"https://esdh.example.dk/d/2023-999"}""")
                .post("/api/meetings/items/" + closed + "/attachments").then().statusCode(201);
        action(meeting, "publish-agenda");

        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        var open = PdfText.get("/api/meetings/" + meeting + "/agenda.pdf").all();
        assertTrue(open.contains("Åbent punkt om kollektiv trafik"));
        assertTrue(open.contains("Lukket punkt"));
        for (var secret : List.of("Personalesag", "sekretariatschef", "Fortroligt", "fratrædelsesaftalen", "Hemmelig",
                "vilkår", "Fortrolig", "2023-999")) {
            assertFalse(open.contains(secret), secret);
        }

        RestAssured.authentication = RestAssured.oauth2(member());
        var members = PdfText.get("/api/meetings/" + meeting + "/agenda.pdf");
        var text = members.all();
        for (var secret : List.of("Personalesag vedr. sekretariatschef", "Fortroligt resumé",
                "at KD-Net godkender fratrædelsesaftalen", "Hemmelig sagsfremstilling om aftalen.", "• første vilkår",
                "Bilag 1 - Fortrolig fratrædelsesaftale (SBSYS 2023-999)")) {
            assertTrue(text.contains(secret), secret + " in\n" + text);
        }
        assertFalse(text.contains("Lukket punkt"));
    }

    /** 20 items with case presentations and 30 attachments: the agenda is generated and sent in under 1 s. */
    @Test
    void aTwentyItemAgendaWithThirtyAttachmentsIsGeneratedInUnderOneSecond() throws IOException {
        var meeting = schedule(UUID.randomUUID(), "2023-11-24");
        var items = IntStream.rangeClosed(1, 20).mapToObj(i -> addItemJson(meeting, """
                {"title":"Punkt om økonomi og samarbejde nr. %d","presenters":["Formand for KD-Net"],
                 "summary":"Kort resumé af sagen om fælles løsninger i de 19 kommuner.",
                 "recommendation":["at KD-Net godkender budgettet","at KD-Net drøfter fordelingsnøglen"],
                 "casePresentation":"%s"}""".formatted(i, "Sagsfremstilling med æøå og en længere tekst, der skal "
                        .repeat(12) + "\\n\\n- første punkt\\n- andet punkt\\n\\n1. trin et\\n2. trin to"))).toList();
        for (var a = 1; a <= 30; a++) {
            given().contentType(ContentType.JSON).body("""
                    {"system":"SBSYS","documentId":"2023-%d","title":"Notat %d om budget og aktiviteter","url":"https://esdh.example.dk/d/%d"}"""
                    .formatted(a, a, a)).post("/api/meetings/items/" + items.get((a - 1) % 20) + "/attachments")
                    .then().statusCode(201);
        }
        action(meeting, "publish-agenda");
        var path = "/api/meetings/" + meeting + "/agenda.pdf";
        var coldStart = System.nanoTime();
        PdfText.get(path); // warm-up: class loading and the first font parse are not what a caller waits for
        var cold = (System.nanoTime() - coldStart) / 1_000_000;
        var best = Long.MAX_VALUE;
        PdfText pdf = null;
        for (var run = 0; run < 3; run++) {
            var start = System.nanoTime();
            var bytes = given().get(path).then().statusCode(200).extract().asByteArray();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            pdf = PdfText.of(bytes);
        }
        pdf.save("agenda-20-items.pdf");
        Files.writeString(Path.of("target", "documents", "timing.txt"), "agenda with 20 items and 30 attachments: "
                + best + " ms (first request after start: " + cold + " ms), " + pdf.pages().size() + " pages, " + pdf.bytes().length + " bytes\n");
        assertTrue(best < 1000, best + " ms");
        assertEquals(20, pdf.contents().size());
        var listed = pdf.all().substring(pdf.all().indexOf("Samlet bilagsliste"));
        assertTrue(listed.contains("Bilag 1 - Notat 1 om budget og aktiviteter (SBSYS 2023-1)"), listed);
        assertTrue(listed.contains("Bilag 30 - "), listed);
        final var done = pdf;
        done.contents().forEach((number, page) -> assertEquals(done.headingPage(number), page, "Punkt " + number));
    }
}
