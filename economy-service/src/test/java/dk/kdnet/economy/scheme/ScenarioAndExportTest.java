package dk.kdnet.economy.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Scenarios and contribution-table exports of the reference GovTech 2024 scheme. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ScenarioAndExportTest extends AsSecretariat {

    private static final UUID GOVTECH_2024 = ReferenceDataLoader.schemeId("govtech-midtjylland-2024");
    private static final String HEDENSTED = ReferenceIds.organization("hedensted").toString();
    private static final String AARHUS = ReferenceIds.organization("aarhus").toString();

    @Test
    void hedenstedLeavingInVariableModeChangesOnlyItsOwnChargeAndTouchesNothing() {
        var scenario = scenario("""
                [{"type":"LEAVE","organizationId":"%s","on":"2024-01-01"}]""".formatted(HEDENSTED));

        assertEquals(115_429, row(scenario, HEDENSTED, "current"));
        assertEquals(0, row(scenario, HEDENSTED, "scenario"));
        assertEquals(-115_429, row(scenario, HEDENSTED, "difference"));
        assertEquals(620_592, row(scenario, AARHUS, "scenario"));
        assertEquals(List.of(-115_429), scenario.getList("rows.findAll { it.difference != 0 }.difference"));
        assertEquals(2_763_201, scenario.getInt("currentSumOfRows"));
        assertEquals(2_647_772, scenario.getInt("scenarioSumOfRows"));
        given().queryParam("scheme", GOVTECH_2024).queryParam("organization", HEDENSTED).get("/api/economy/charges")
                .then().statusCode(200).body("items[0].amount", equalTo(115_429)).body("items[0].latestVersion", equalTo(1));
    }

    @Test
    void hedenstedLeavingInFixedTotalModeRaisesTheOthers() {
        var scenario = scenario("""
                [{"type":"MODE","budgetMode":"FIXED_TOTAL"},
                 {"type":"LEAVE","organizationId":"%s","on":"2024-01-01"}]""".formatted(HEDENSTED));

        assertEquals("VARIABLE", scenario.getString("currentMode"));
        assertEquals("FIXED_TOTAL", scenario.getString("scenarioMode"));
        assertEquals(648_125, row(scenario, AARHUS, "scenario"));
        assertEquals(27_533, row(scenario, AARHUS, "difference"));
        assertEquals(2_763_201, scenario.getInt("scenarioTotal"));
    }

    @Test
    void aMemberJoining13MarchPaysTenTwelfths() {
        var silkeborg = ReferenceIds.organization("silkeborg").toString();
        var scenario = scenario("""
                [{"type":"JOIN","organizationId":"%s","on":"2024-03-13","population":97000}]""".formatted(silkeborg));

        assertEquals(0, row(scenario, silkeborg, "current"));
        assertEquals(162_421, row(scenario, silkeborg, "scenario"));
    }

    @Test
    void leavingWhenNotAMemberIs422NamingTheChange() {
        given().contentType(ContentType.JSON).body("""
                {"changes":[{"type":"LEAVE","organizationId":"%s","on":"2024-01-01"}]}"""
                .formatted(ReferenceIds.organization("viborg")))
                .post("/api/economy/schemes/" + GOVTECH_2024 + "/scenarios").then().statusCode(422)
                .body("errors[0].field", equalTo("changes[0].organizationId"));
    }

    @Test
    void theContributionTableCsvHasTheSeedColumnsAndTheirPrintedTotals() {
        var csv = given().get("/api/economy/schemes/" + GOVTECH_2024 + "/contributions.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        var lines = csv.split("\r\n");
        assertEquals("Organization,Population,Equal part,Population part,Total", lines[0]);
        assertEquals(1 + 17 + 1, lines.length);
        assertTrue(lines[1].endsWith(",361544,38819,581773,620592"), lines[1]);
        assertTrue(csv.contains(",47609,38819,76609,115429\r\n"), csv);
        assertEquals("Total,1157973,621111,1863333,2763201", lines[lines.length - 1]);
    }

    @Test
    void theContributionTableXlsxHoldsTheSameNumbers() throws Exception {
        var bytes = given().get("/api/economy/schemes/" + GOVTECH_2024 + "/contributions.xlsx").then()
                .statusCode(200).extract().asByteArray();

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheet("2024");
            assertEquals("Population part", sheet.getRow(0).getCell(3).getStringCellValue());
            assertEquals(620_592, sheet.getRow(1).getCell(4).getNumericCellValue());
            var totals = sheet.getRow(18);
            assertEquals("Total", totals.getCell(0).getStringCellValue());
            assertEquals(621_111, totals.getCell(2).getNumericCellValue());
            assertEquals(1_863_333, totals.getCell(3).getNumericCellValue());
        }
    }

    private static JsonPath scenario(String changes) {
        return given().contentType(ContentType.JSON).body("{\"changes\":" + changes + "}")
                .post("/api/economy/schemes/" + GOVTECH_2024 + "/scenarios").then().statusCode(200)
                .extract().jsonPath();
    }

    private static int row(JsonPath scenario, String organization, String column) {
        return scenario.getInt("rows.find { it.organizationId == '" + organization + "' }." + column);
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
