package dk.kdnet.economy.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * KD-Net's annual report of 27 Jan 2023 ("Status på økonomien i KD-Net"), all four columns, line by line against the
 * printed table (src/test/resources/reports/annual-report-2023.csv, copied from the document), as JSON, Excel and PDF;
 * read anonymously, as the published report it is.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class AnnualReportApiTest {

    static final UUID KDNET = ReferenceIds.body("kdnet");

    record Printed(int depth, String label, List<BigDecimal> amounts) {}

    static List<Printed> printed() throws IOException {
        try (InputStream in = AnnualReportApiTest.class.getResourceAsStream("/reports/annual-report-2023.csv")) {
            var lines = new ArrayList<Printed>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                var cells = line.split(";", -1);
                var amounts = new ArrayList<BigDecimal>();
                for (var i = 2; i < 6; i++) {
                    amounts.add(cells[i].isEmpty() ? null : new BigDecimal(cells[i]));
                }
                lines.add(new Printed(Integer.parseInt(cells[0]), cells[1], amounts));
            }
            return lines;
        }
    }

    @Test
    void everyLineOfTheFourColumnsIsAsPrinted() throws IOException {
        var report = given().queryParam("owner", KDNET).queryParam("year", 2023).get("/api/economy/reports/annual")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("KD-Net - Regnskab 2021, Regnskab 2022, Budget 2022, Budget 2023", report.getString("title"));
        assertEquals(List.of("Regnskab 2021", "Regnskab 2022", "Budget 2022", "Budget 2023"),
                report.getList("columns.heading"));
        assertEquals(List.of(ReferenceDataLoader.budgetId("kdnet-accounts-2021").toString(),
                ReferenceDataLoader.budgetId("kdnet-accounts-2022").toString(),
                ReferenceDataLoader.budgetId("kdnet-budget-2022").toString(),
                ReferenceDataLoader.budgetId("kdnet-budget-2023").toString()), report.getList("columns.budgetId"));
        var expected = printed();
        assertEquals(63, expected.size());
        assertEquals(expected.size(), report.getList("lines").size());
        for (var i = 0; i < expected.size(); i++) {
            var line = expected.get(i);
            var path = "lines[" + i + "]";
            assertEquals(line.label(), report.getString(path + ".label"), path);
            assertEquals(line.depth(), report.getInt(path + ".depth"), path + " " + line.label());
            var amounts = report.getList(path + ".cells.amount", BigDecimal.class);
            for (var c = 0; c < 4; c++) {
                var want = line.amounts().get(c);
                var got = amounts.get(c);
                assertTrue(want == null ? got == null : got != null && want.compareTo(got) == 0,
                        line.label() + " column " + c + ": printed " + want + ", reported " + got);
            }
        }
        assertEquals(List.of("LINE", "TOTAL_EXPENSES", "RESULT", "CARRIED_IN", "CARRIED_OUT"),
                report.getList("lines.kind").subList(58, 63));
    }

    @Test
    void theFourPrintedAmountsThatAreNotTheSumBeneathThemAreListed() {
        var differences = given().queryParam("owner", KDNET).queryParam("year", 2023)
                .get("/api/economy/reports/annual").then().statusCode(200).extract().jsonPath()
                .getList("differences", Map.class);

        // The document's own arithmetic, one 1-kr slip each (rounding of amounts kept in øre).
        assertEquals(List.of(
                List.of("Regnskab 2021", "KD-Net sekretariatet / Fælleskommunale aktiviteter og mødevirksomhed",
                        317_242, 317_243, -1),
                List.of("Regnskab 2021", "Årets resultat", 1_043_314, 1_043_315, -1),
                List.of("Budget 2022", "Årets resultat", -336_869, -336_870, 1),
                List.of("Budget 2023", "Udgifter i alt", 7_799_511, 7_799_510, 1)),
                differences.stream().map(d -> List.of(d.get("column"), d.get("line"), d.get("printed"),
                        d.get("computed"), d.get("difference"))).toList());
    }

    @Test
    void asExcelTheTableAndItsDifferences() throws IOException {
        var bytes = given().queryParam("owner", KDNET).queryParam("year", 2023).get("/api/economy/reports/annual.xlsx")
                .then().statusCode(200)
                .contentType(equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", equalTo("attachment; filename=\"KD-Net-status-paa-oekonomien-2023.xlsx\"; "
                        + "filename*=UTF-8''KD-Net-status-p%C3%A5-%C3%B8konomien-2023.xlsx"))
                .extract().asByteArray();

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheet("Status på økonomien");
            assertEquals("KD-Net", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Budget 2023", sheet.getRow(0).getCell(4).getStringCellValue());
            assertEquals("Indtægter", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(7_590_227, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("Udgifter i alt", sheet.getRow(60).getCell(0).getStringCellValue());
            assertEquals(7_799_511, sheet.getRow(60).getCell(4).getNumericCellValue());
            assertEquals("Overføres til næste år", sheet.getRow(63).getCell(0).getStringCellValue());
            assertEquals(1_320_802, sheet.getRow(63).getCell(3).getNumericCellValue());
            var differences = workbook.getSheet("Differencer");
            assertEquals(5, differences.getPhysicalNumberOfRows());
            assertEquals("Udgifter i alt", differences.getRow(4).getCell(1).getStringCellValue());
        }
    }

    @Test
    void asPdfInDanishWithTheAmountsAsPrinted() throws IOException {
        var bytes = given().queryParam("owner", KDNET).queryParam("year", 2023).get("/api/economy/reports/annual.pdf")
                .then().statusCode(200).contentType(equalTo("application/pdf"))
                .header("Content-Disposition", equalTo("attachment; filename=\"KD-Net-status-paa-oekonomien-2023.pdf\"; "
                        + "filename*=UTF-8''KD-Net-status-p%C3%A5-%C3%B8konomien-2023.pdf"))
                .extract().asByteArray();

        try (var pdf = Loader.loadPDF(bytes)) {
            assertEquals("da-DK", pdf.getDocumentCatalog().getLanguage());
            assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked());
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            var text = stripper.getText(pdf);
            assertTrue(text.contains("Status på økonomien i KD-Net"), text);
            assertTrue(text.contains("Udgifter i alt 6.546.912 7.002.202 8.040.448 7.799.511"), text);
            // A long label wraps within its column; its amounts stand on its first line.
            assertTrue(text.contains("Salg af konsulentydelse"), text);
            assertTrue(text.contains("-60.000 -65.000\n"), text);
            assertTrue(text.contains("Overføres til næste år 1.657.671 2.359.386 1.320.802 2.378.755"), text);
            assertTrue(text.contains("Differencer"), text);
        }
    }

    @Test
    void ownerAndYearAreNeededAndAnOwnerWithoutBudgetsHasNoReport() {
        given().queryParam("year", 2023).get("/api/economy/reports/annual").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("owner", UUID.randomUUID()).queryParam("year", 2023).get("/api/economy/reports/annual")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("owner", KDNET).queryParam("year", 2025).get("/api/economy/reports/annual").then()
                .statusCode(404);
        // 2024: accounts 2022 and budget 2023 are there, accounts 2023 and budget 2024 not yet: blank columns.
        var columns = given().queryParam("owner", KDNET).queryParam("year", 2024).get("/api/economy/reports/annual")
                .then().statusCode(200).extract().jsonPath().getList("columns.budgetId");
        assertEquals(java.util.Arrays.asList(ReferenceDataLoader.budgetId("kdnet-accounts-2022").toString(), null,
                ReferenceDataLoader.budgetId("kdnet-budget-2023").toString(), null), columns);
    }
}
