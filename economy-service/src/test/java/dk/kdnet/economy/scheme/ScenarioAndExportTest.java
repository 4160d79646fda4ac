package dk.kdnet.economy.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.charge.Fixtures;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios and contribution-table exports of the reference GovTech 2024 scheme. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ScenarioAndExportTest extends AsSecretariat {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

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

    /** The example: LEAVE then JOIN again, which a LEAVE that only set an exit date refused. */
    @Test
    void aMemberLeavingAndJoiningAgainOn13MarchPaysTenTwelfthsWithItsBreakdown() {
        var scenario = scenario("""
                [{"type":"LEAVE","organizationId":"%s","on":"2024-01-01"},
                 {"type":"JOIN","organizationId":"%s","on":"2024-03-13","population":47609}]"""
                .formatted(HEDENSTED, HEDENSTED));

        var row = "rows.find { it.organizationId == '" + HEDENSTED + "' }";
        java.math.BigDecimal currentExact = scenario.using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .get(row + ".currentBreakdown.exact");
        assertEquals(12, scenario.getInt(row + ".currentBreakdown.months"));
        assertEquals(10, scenario.getInt(row + ".breakdown.months"));
        // VARIABLE: the unit prices stay, so ten months are ten twelfths of the year's charge.
        assertEquals(currentExact.multiply(java.math.BigDecimal.TEN)
                .divide(java.math.BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_UP).intValueExact(),
                row(scenario, HEDENSTED, "scenario"));
        assertEquals(47_609, scenario.getInt(row + ".breakdown.population"));
        assertEquals("GIVEN", scenario.getString(row + ".breakdown.populationSource"));
        assertEquals(List.of("EQUAL_SHARE", "BY_POPULATION"), scenario.getList(row + ".breakdown.components.kind"));
        assertEquals(List.of(0), scenario.getList("rows.findAll { it.organizationId != '" + HEDENSTED
                + "' }.difference").stream().distinct().toList());
    }

    @Test
    void joiningWhileAMemberIs422NamingTheChange() {
        given().contentType(ContentType.JSON).body("""
                {"changes":[{"type":"JOIN","organizationId":"%s","on":"2024-03-13"}]}""".formatted(HEDENSTED))
                .post("/api/economy/schemes/" + GOVTECH_2024 + "/scenarios").then().statusCode(422)
                .body("errors[0].field", equalTo("changes[0].organizationId"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("is a member on 2024-03-13"));
    }

    @Test
    void leavingWhenNotAMemberIs422NamingTheChange() {
        given().contentType(ContentType.JSON).body("""
                {"changes":[{"type":"LEAVE","organizationId":"%s","on":"2024-01-01"}]}"""
                .formatted(ReferenceIds.organization("viborg")))
                .post("/api/economy/schemes/" + GOVTECH_2024 + "/scenarios").then().statusCode(422)
                .body("errors[0].field", equalTo("changes[0].organizationId"));
    }

    /** The names come from groups-service's events (reference data alone names them by slug); here as those events would. */
    @BeforeEach
    void namesInTheReadModel() {
        var all = new ArrayList<>(Fixtures.GOVTECH_MUNICIPALITIES);
        all.add("region-midtjylland");
        Fixtures.knowOrganizations(em, all);
        QuarkusTransaction.requiringNew().run(() -> {
            for (var name : List.of("Aarhus", "Ringkøbing-Skjern", "Hedensted", "Silkeborg")) {
                var id = ReferenceIds.organization(name.toLowerCase(Locale.ROOT).replace("ø", "o"));
                Organization organization = Organization.findById(id);
                var absent = organization == null;
                if (absent) {
                    organization = new Organization();
                    organization.id = id;
                    organization.kind = "MUNICIPALITY";
                }
                organization.name = name + " Kommune";
                organization.shortName = name;
                if (absent) {
                    organization.persist();
                }
            }
        });
    }

    @Test
    void theContributionTableCsvOpensInDanishExcelWithTheSeedColumnsAndTheirPrintedTotals() {
        var response = given().get("/api/economy/schemes/" + GOVTECH_2024 + "/contributions.csv").then()
                .statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition",
                        equalTo("attachment; filename=\"GovTech-Midtjylland-2024-bidrag.csv\""))
                .extract().asByteArray();

        // A Danish Excel: UTF-8 with BOM, fields separated by ';', a decimal comma.
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(response, 3));
        var rows = parse(new String(response, 3, response.length - 3, StandardCharsets.UTF_8), ';');
        assertEquals(List.of("Kommune", "Indbyggertal", "Kommuneandel", "Sum baseret på indbyggertal",
                "Samlet bidrag pr. år 2024"), rows.get(0));
        assertEquals(1 + 17 + 1, rows.size());
        assertEquals(List.of("Aarhus", "361544", "38819,00", "581773,00", "620592,00"), rows.get(1));
        assertTrue(rows.contains(List.of("Ringkøbing-Skjern", "56348", "38819,00", "90671,00", "129491,00")),
                rows.toString());
        assertTrue(rows.contains(List.of("Hedensted", "47609", "38819,00", "76609,00", "115429,00")), rows.toString());
        assertEquals(List.of("I alt", "1157973", "621111,00", "1863333,00", "2763201,00"), rows.get(rows.size() - 1));
    }

    @Test
    void theCommaDialectIsRfc4180WithoutBom() {
        var csv = given().queryParam("dialect", "comma").get("/api/economy/schemes/" + GOVTECH_2024
                + "/contributions.csv").then().statusCode(200).extract().asString();

        var rows = parse(csv, ',');
        assertEquals("Kommune", rows.get(0).get(0));
        assertEquals(List.of("Aarhus", "361544", "38819.00", "581773.00", "620592.00"), rows.get(1));
        assertEquals(List.of("I alt", "1157973", "621111.00", "1863333.00", "2763201.00"), rows.get(rows.size() - 1));
    }

    @Test
    void anUnknownDialectIsAValidationProblem() {
        given().queryParam("dialect", "tab").get("/api/economy/schemes/" + GOVTECH_2024 + "/contributions.csv")
                .then().statusCode(400).body("type", equalTo("https://kdnet.dk/problems/validation"));
    }

    @Test
    void theContributionTableXlsxHoldsTheSameNumbersUnderTheSameHeadings() throws Exception {
        var bytes = given().get("/api/economy/schemes/" + GOVTECH_2024 + "/contributions.xlsx").then()
                .statusCode(200).header("Content-Disposition",
                        equalTo("attachment; filename=\"GovTech-Midtjylland-2024-bidrag.xlsx\""))
                .extract().asByteArray();

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheet("2024");
            assertEquals("Sum baseret på indbyggertal", sheet.getRow(0).getCell(3).getStringCellValue());
            assertEquals(620_592, sheet.getRow(1).getCell(4).getNumericCellValue());
            var totals = sheet.getRow(18);
            assertEquals("I alt", totals.getCell(0).getStringCellValue());
            assertEquals(621_111, totals.getCell(2).getNumericCellValue());
            assertEquals(1_863_333, totals.getCell(3).getNumericCellValue());
        }
    }

    /** Reads a CSV as Excel does: CRLF lines, quoted fields with doubled quotes. */
    private static List<List<String>> parse(String csv, char separator) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.length(); i++) {
            var c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
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
