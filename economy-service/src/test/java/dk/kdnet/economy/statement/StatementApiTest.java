package dk.kdnet.economy.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Each municipality's statement: Aarhus 2023 against the four contribution tables of the reference documents, 2021 to
 * 2023 year by year, what is invoiced and outstanding, the letter as PDF and the workbook, and who may read which.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class StatementApiTest extends AsSecretariat {

    static final UUID AARHUS = ReferenceIds.organization("aarhus");

    @Inject
    EntityManager em;

    @Test
    void aarhus2023IsItsFourChargesOfTheReferenceTables() {
        var statement = given().get("/api/economy/statements/" + AARHUS + "/2023").then().statusCode(200)
                .extract().jsonPath();

        // KDNET-2023 (printed "Århus"), HJERTEKOM-2023, KLIMA-2023 and GOVTECH-2023 (Aarhus the balancing row).
        assertEquals(List.of("GovTech Midtjylland 2023", "HjerteKom 2023", "KD-Net kontingent 2023",
                "Klimasamarbejde aconto 2023"), statement.getList("charges.scheme"));
        assertEquals(List.of(531_094, 89_213, 1_613_696, 247_196), statement.getList("charges.amount", Integer.class));
        assertEquals(2_481_199, statement.getInt("total"));
        assertEquals(0, statement.getInt("invoiced"));
        assertEquals(2_481_199, statement.getInt("outstanding"));
        assertEquals(ReferenceDataLoader.schemeId("govtech-midtjylland-2023").toString(),
                statement.getString("charges[0].schemeId"));
        assertEquals(List.of("Ordningen godkendt"), statement.getList("charges[0].changes.cause"));
        assertEquals(12, statement.getInt("charges[2].months"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void yearByYearWithTheChangeFromTheYearBefore() {
        var years = given().queryParam("to", 2023).get("/api/economy/statements/" + AARHUS).then().statusCode(200)
                .extract().jsonPath();

        assertEquals(2021, years.getInt("from"));
        var kdnet = years.getList("schemes", Map.class).stream()
                .filter(s -> s.get("scheme").equals("KD-Net kontingent")).findFirst().orElseThrow();
        var kdnetYears = (List<Map<String, Object>>) kdnet.get("years");
        // KDNET-2022 and KDNET-2023: 1,586,410 then 1,613,696; nothing charged in 2021.
        assertEquals(Arrays.asList(null, 1_586_410, 1_613_696), kdnetYears.stream().map(y -> y.get("amount")).toList());
        assertEquals(Arrays.asList(null, null, 27_286), kdnetYears.stream().map(y -> y.get("change")).toList());
        // All four schemes: 1,586,410 + 90,658 + 247,196 + 549,752 in 2022; 2,481,199 in 2023.
        assertEquals(Arrays.asList(null, 2_474_016, 2_481_199), years.getList("totals.amount"));
        assertEquals(Arrays.asList(null, null, 7_183), years.getList("totals.change"));
        given().queryParam("from", 2024).queryParam("to", 2023).get("/api/economy/statements/" + AARHUS).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aStatementSaysWhatIsInvoicedAndWhatAnAdjustmentLeavesOutstanding() {
        var payer = UUID.randomUUID();
        var other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> List.of(payer, other).forEach(id -> em.createNativeQuery(
                "INSERT INTO organization (id, kind, name) VALUES (?1, 'MUNICIPALITY', 'Testby Kommune')")
                .setParameter(1, id).executeUpdate()));
        var request = """
                {"ownerKind":"BODY","ownerId":"%s","name":"Fælles projekt 2030","year":2030,"budgetMode":"FIXED_TOTAL",
                 "rounding":"HALF_UP","sharedTotal":%d,"components":[{"kind":"EQUAL_SHARE","percent":100}],
                 "members":[{"organizationId":"%s"},{"organizationId":"%s"}]}""";
        var owner = UUID.randomUUID();
        var scheme = given().contentType(ContentType.JSON).body(request.formatted(owner, 1000, payer, other))
                .post("/api/economy/schemes").then().statusCode(201).extract().jsonPath().getString("id");
        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + scheme + "/approve").then()
                .statusCode(200);
        var charge = given().get("/api/economy/statements/" + payer + "/2030").then().statusCode(200)
                .body("total", equalTo(500)).body("outstanding", equalTo(500)).extract().jsonPath()
                .getString("charges[0].chargeId");
        given().post("/api/economy/charges/" + charge + "/invoice").then().statusCode(200);
        var etag = given().get("/api/economy/schemes/" + scheme).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(request.formatted(owner, 1200, payer, other)).put("/api/economy/schemes/" + scheme).then()
                .statusCode(200);

        var statement = given().get("/api/economy/statements/" + payer + "/2030").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("Testby Kommune", statement.getString("organization"));
        assertEquals(600, statement.getInt("total"));
        assertEquals(500, statement.getInt("invoiced"));
        assertEquals(100, statement.getInt("outstanding"));
        assertEquals(List.of("CALCULATION", "ADJUSTMENT"), statement.getList("charges[0].changes.kind"));
        assertEquals(List.of("Ordningen godkendt", "Ordningen ændret (regulering efter fakturering)"),
                statement.getList("charges[0].changes.cause"));
        assertEquals(100, statement.getInt("charges[0].changes[1].adjustment"));
    }

    @Test
    void theLetterAsPdfAndTheWorkbook() throws IOException {
        var pdf = given().get("/api/economy/statements/" + AARHUS + "/2023.pdf").then().statusCode(200)
                .contentType(equalTo("application/pdf")).extract();
        var disposition = pdf.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"") && disposition.contains("opg%C3%B8relse-2023.pdf"),
                disposition);
        try (var document = Loader.loadPDF(pdf.asByteArray())) {
            assertEquals("da-DK", document.getDocumentCatalog().getLanguage());
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            var text = stripper.getText(document);
            assertTrue(text.contains("Opgørelse af bidrag 2023"), text);
            assertTrue(text.contains("KD-Net kontingent 2023 12 1.613.696 0 1.613.696"), text);
            assertTrue(text.contains("I alt 2.481.199 0 2.481.199"), text);
            assertTrue(text.contains("Ordningen godkendt"), text);
            assertTrue(text.contains("Bidrag år for år"), text);
        }

        var xlsx = given().get("/api/economy/statements/" + AARHUS + "/2023.xlsx").then().statusCode(200)
                .contentType(equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Opgørelse 2023");
            assertEquals("KD-Net kontingent 2023", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals(1_613_696, sheet.getRow(4).getCell(2).getNumericCellValue());
            assertEquals("I alt", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals(2_481_199, sheet.getRow(6).getCell(2).getNumericCellValue());
            assertEquals(4, workbook.getSheet("Ændringer").getPhysicalNumberOfRows() - 1);
        }
    }

    @Test
    void aClientOfAnOrganizationReadsItsOwnStatementOnly() {
        var aarhusClient = TestInfrastructure.tokens().forClient("aarhus-finance", AARHUS);
        var randers = ReferenceIds.organization("randers");
        given().auth().oauth2(aarhusClient).get("/api/economy/statements/" + AARHUS + "/2023").then().statusCode(200)
                .body("total", equalTo(2_481_199));
        given().auth().oauth2(aarhusClient).get("/api/economy/statements/" + randers + "/2023").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(aarhusClient).get("/api/economy/statements/" + randers + "/2023.pdf").then()
                .statusCode(404);
        given().auth().oauth2(aarhusClient).get("/api/economy/statements/" + randers).then().statusCode(404);
        given().auth().oauth2(TestInfrastructure.tokens().forRole("member"))
                .get("/api/economy/statements/" + randers + "/2023").then().statusCode(200);
        given().auth().none().get("/api/economy/statements/" + AARHUS + "/2023").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/economy/statements/" + UUID.randomUUID() + "/2023").then().statusCode(404);
    }
}
