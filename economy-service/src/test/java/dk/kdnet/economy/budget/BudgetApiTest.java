package dk.kdnet.economy.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KD-Net's accounts 2022 and budget 2023 as printed in January 2023, and the budget workflow. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BudgetApiTest extends AsSecretariat {

    @Test
    void accounts2022AddUpAsPrinted() {
        var accounts = given().get("/api/economy/budgets/" + ReferenceDataLoader.budgetId("kdnet-accounts-2022"))
                .then().statusCode(200).extract().jsonPath();

        assertEquals("APPROVED", accounts.getString("status"));
        assertEquals(7_703_917, accounts.getInt("income"));
        assertEquals(7_002_202, accounts.getInt("expenses"));
        assertEquals(701_715, accounts.getInt("result"));
        assertEquals(1_657_671, accounts.getInt("carriedFromPreviousYear"));
        assertEquals(2_359_386, accounts.getInt("carriedToNextYear"));
        assertEquals(List.of(7_703_917, 4_555_442, 674_486, 1_307_478, 464_796),
                accounts.getList("lines.amount", Integer.class));
        assertEquals(6_349_085, accounts.getInt("lines[0].lines[0].amount"));
        assertEquals("Personaleudgifter", accounts.getString("lines[1].lines[0].label"));
        assertEquals(4_198_065, accounts.getInt("lines[1].lines[0].amount"));
        given().queryParam("year", 2022).queryParam("kind", "ACCOUNTS").get("/api/economy/budgets").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(
                        ReferenceDataLoader.budgetId("kdnet-accounts-2022").toString()));
        given().get("/api/economy/budgets").then().statusCode(200).body("page", equalTo(0));
    }

    @Test
    void budget2023CarriesInWhatAccounts2022CarriedOutAndItsTotalIs1KrBelowThePrinted() {
        var budget = given().get("/api/economy/budgets/" + ReferenceDataLoader.budgetId("kdnet-budget-2023"))
                .then().statusCode(200).extract().jsonPath();

        assertEquals(2_359_386, budget.getInt("carriedFromPreviousYear"));
        assertEquals(7_818_880, budget.getInt("income"));
        assertEquals(List.of(7_818_880, 5_103_816, 995_847, 1_339_258, 360_589),
                budget.getList("lines.amount", Integer.class));
        // Reference discrepancy "KD-Net budget", arithmetic: 'Udgifter i alt' is printed 7,799,511 while its
        // sections sum to 7,799,510 (øre rounding in the source), so the result is 19,370 against the printed 19,369.
        assertEquals(7_799_510, budget.getInt("expenses"));
        assertEquals(19_370, budget.getInt("result"));
        assertEquals(2_378_756, budget.getInt("carriedToNextYear"));
        // Recorded as printed beside the computed, and the one that does not add up is named.
        assertEquals(5_103_816, budget.getInt("lines[1].printed"));
        assertEquals(7_799_511, budget.getInt("printedTotals.expenses"));
        assertEquals(19_369, budget.getInt("printedTotals.result"));
        assertEquals(List.of("Udgifter i alt"), budget.getList("differences.line"));
        assertEquals(List.of(7_799_511, 7_799_510, 1), List.of(budget.getInt("differences[0].printed"),
                budget.getInt("differences[0].computed"), budget.getInt("differences[0].difference")));
    }

    @Test
    void aPrintedAmountBelongsToAGroupLineOnly() {
        given().contentType(ContentType.JSON).body("""
                {"ownerKind":"BODY","ownerId":"%s","year":2031,"kind":"BUDGET","title":"Printed on a leaf",
                 "carriedIn":0,"lines":[{"label":"Indtægter","side":"INCOME","amount":100,"printed":101}]}"""
                .formatted(UUID.randomUUID()))
                .post("/api/economy/budgets").then().statusCode(422).body("errors[0].field", equalTo("lines[0].printed"));
    }

    @Test
    void aBudgetMovesDraftProposedApprovedAndAWrongStepIs409NamingTheStatus() {
        var id = given().contentType(ContentType.JSON).body(budget("""
                [{"label":"Tilskud","side":"INCOME","amount":1000},
                 {"label":"Udgifter","side":"EXPENSE","lines":[{"label":"Løn","amount":700},{"label":"Husleje","amount":200}]}]"""))
                .post("/api/economy/budgets").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("result", equalTo(100))
                .body("lines[1].amount", equalTo(900)).extract().jsonPath().getString("id");

        transition(id, "APPROVED").then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("context.currentStatus", equalTo("DRAFT"));
        transition(id, "PROPOSED").then().statusCode(200).body("status", equalTo("PROPOSED"));
        var etag = transition(id, "APPROVED").then().statusCode(200).body("status", equalTo("APPROVED"))
                .extract().header("ETag");
        transition(id, "PROPOSED").then().statusCode(409).body("context.currentStatus", equalTo("APPROVED"));

        given().contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"carriedIn":50,"lines":[{"label":"Tilskud","side":"INCOME","amount":1200}]}""")
                .put("/api/economy/budgets/" + id + "/lines").then().statusCode(200)
                .body("number", equalTo(2)).body("status", equalTo("DRAFT")).body("carriedToNextYear", equalTo(1250));
        given().get("/api/economy/budgets/" + id + "/versions").then().statusCode(200)
                .body("number", equalTo(List.of(1, 2)))
                .body("status", equalTo(List.of("APPROVED", "DRAFT"))).body("result", equalTo(List.of(100, 1200)));
        given().get("/api/economy/budgets/" + id + "/history").then().statusCode(200)
                .body("[0].change", equalTo("ADD")).body("[0].state.status", equalTo("DRAFT"));
    }

    @Test
    void aLineWithBothAnAmountAndSubLinesIs422NamingIt() {
        given().contentType(ContentType.JSON).body(budget("""
                [{"label":"Udgifter","side":"EXPENSE","amount":5,"lines":[{"label":"Løn","amount":5}]}]"""))
                .post("/api/economy/budgets").then().statusCode(422)
                .body("errors[0].field", equalTo("lines[0].lines"));
    }

    private static io.restassured.response.Response transition(String id, String to) {
        return given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                .post("/api/economy/budgets/" + id + "/transitions");
    }

    private static String budget(String lines) {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","year":2024,"kind":"BUDGET","title":"Test","carriedIn":0,
                 "lines":%s}""".formatted(UUID.randomUUID(), lines);
    }

}
