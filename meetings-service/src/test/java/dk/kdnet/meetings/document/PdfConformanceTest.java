package dk.kdnet.meetings.document;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.approveMinutesAt;
import static dk.kdnet.meetings.Fixtures.attach;
import static dk.kdnet.meetings.Fixtures.decide;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/**
 * The agenda and minutes of every reference meeting are PDF/UA-1 (accessible) and PDF/A-2a (archivable), as veraPDF
 * validates them: any failed rule fails the build, named with its clause and what it checks.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PdfConformanceTest extends AsSecretariat {

    private static final List<String> REFERENCE_MEETINGS = List.of("kdnet-2023-01-27", "kdnet-2023-06-02",
            "kdnet-2023-08-25");

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theAgendaAndMinutesOfEveryReferenceMeetingPassPdfUa1AndPdfA2a() throws Exception {
        var failures = new ArrayList<String>();
        for (var slug : REFERENCE_MEETINGS) {
            for (var document : List.of("agenda.pdf", "minutes.pdf")) {
                var pdf = given().get("/api/meetings/" + ReferenceIds.meeting(slug) + "/" + document).then()
                        .statusCode(200).extract().asByteArray();
                failures.addAll(failedRules(slug + " " + document, pdf));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " failed rules");
    }

    /** Markdown headings and lists, numbered recommendations, a decision, attachments and a closed item, both ways. */
    @Test
    void everyKindOfContentPassesAsThePublicAndAsMembersReadIt() throws Exception {
        var body = UUID.randomUUID();
        var meeting = schedule(body, "2023-08-25");
        var item = addItemJson(meeting, """
                {"title":"Velfærdsteknologi","summary":"Kort **resumé**.","caseNumber":"00.01.10-A00-5-23",
                 "recommendation":["at KD-Net drøfter barriererne","at sekretariatet samler op"],
                 "casePresentation":"## Baggrund\\nTekst om æøå.\\n\\n- første punkt\\n- andet punkt\\n\\nAfsluttende afsnit."}""");
        addItemJson(meeting, """
                {"title":"Personalesag","summary":"Fortroligt","recommendation":["at aftalen godkendes"],"closed":true,
                 "closedReason":"Offentlighedslovens § 30, nr. 1"}""");
        attach(item, "application/pdf", "%PDF-1.4 bilag", "Notat om barrierer", "notat.pdf");
        action(meeting, "publish-agenda");
        action(meeting, "hold");
        decide(item, """
                {"outcome":"APPROVED","text":"Godkendt med bemærkninger.",
                 "partOutcomes":[{"part":1,"outcome":"APPROVED"},{"part":2,"outcome":"NOTED","note":"senere"}]}""");
        approveMinutesAt(body, "2023-09-29");

        var failures = new ArrayList<String>();
        for (var document : List.of("agenda.pdf", "minutes.pdf")) {
            for (var caller : List.of(given().auth().none(), given())) {
                var pdf = caller.get("/api/meetings/" + meeting + "/" + document).then().statusCode(200).extract()
                        .asByteArray();
                failures.addAll(failedRules(document, pdf));
            }
        }
        assertEquals(List.of(), failures, failures.size() + " failed rules");
    }

    /** Every failed rule of PDF/A-2a and PDF/UA-1, validated in one pass of the veraPDF Foundry. */
    static List<String> failedRules(String name, byte[] pdf) throws Exception {
        var failures = new ArrayList<String>();
        var foundry = Foundries.defaultInstance();
        try (var parser = foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_A)) {
            var validator = foundry.createValidator(List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1));
            var results = validator.validateAll(parser);
            assertEquals(2, results.size(), name + ": a result per flavour");
            for (var result : results) {
                for (var assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                        var rule = assertion.getRuleId();
                        failures.add(name + " " + result.getPDFAFlavour() + " " + rule.getClause() + "-"
                                + rule.getTestNumber() + ": " + assertion.getMessage() + " at "
                                + assertion.getLocation().getContext());
                    }
                }
            }
        }
        return failures;
    }
}
