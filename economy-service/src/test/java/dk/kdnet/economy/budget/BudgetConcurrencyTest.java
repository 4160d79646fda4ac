package dk.kdnet.economy.budget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A budget's lines are changed only by whoever read its current version; the version counts every change of lines or
 * status, whichever of the budget's versions it touched.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BudgetConcurrencyTest extends AsSecretariat {

    private static final String LINES = """
            {"lines":[{"label":"Tilskud","side":"INCOME","amount":1200}]}""";

    /** What a change of the lines touches: the budget as shown, its versions and the audit trail. */
    private record Snapshot(String budget, String versions, int auditRows) {}

    @Test
    void aReadCarriesTheVersionAsItsETagAndAnUnchangedOneIs304() {
        var created = given().contentType(ContentType.JSON).body(budget()).post("/api/economy/budgets").then()
                .statusCode(201).extract();
        assertEquals("\"" + created.jsonPath().getLong("version") + "\"", created.header("ETag"));
        var path = "/api/economy/budgets/" + created.jsonPath().getString("id");

        var read = given().get(path).then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + read.jsonPath().getLong("version") + "\"", etag);
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());

        var proposed = transition(path, "PROPOSED");
        given().header("If-None-Match", etag).get(path).then().statusCode(200).header("ETag", proposed)
                .body("status", equalTo("PROPOSED"));
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        var path = draftBudget();
        var before = snapshot(path);

        given().contentType(ContentType.JSON).body(LINES).put(path + "/lines").then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWith("precondition-required"));

        assertEquals(before, snapshot(path));
    }

    @Test
    void aChangeBasedOnTheVersionBeforeAStatusChangeIs412AndChangesNothing() {
        var path = draftBudget();
        var stale = given().get(path).then().statusCode(200).extract().header("ETag");
        transition(path, "PROPOSED");
        var before = snapshot(path);

        given().contentType(ContentType.JSON).header("If-Match", stale).body(LINES).put(path + "/lines").then()
                .statusCode(412).contentType("application/problem+json").body("type", endsWith("precondition-failed"));

        assertEquals(before, snapshot(path));
    }

    @Test
    void replacingADraftBasedOnTheCurrentVersionAnswersTheNextVersionsETag() {
        var path = draftBudget();
        var read = given().get(path).then().statusCode(200).extract();
        var version = read.jsonPath().getLong("version");

        var etag = given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(LINES)
                .put(path + "/lines").then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"").body("version", equalTo((int) version + 1))
                .body("number", equalTo(1)).body("income", equalTo(1200)).extract().header("ETag");

        // The draft was replaced in place, yet a second writer holding the first ETag is refused.
        given().contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(LINES)
                .put(path + "/lines").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(LINES).put(path + "/lines").then()
                .statusCode(200).header("ETag", "\"" + (version + 2) + "\"");
    }

    private String draftBudget() {
        var id = given().contentType(ContentType.JSON).body(budget()).post("/api/economy/budgets").then()
                .statusCode(201).extract().jsonPath().getString("id");
        return "/api/economy/budgets/" + id;
    }

    private static String transition(String path, String to) {
        return given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}").post(path + "/transitions")
                .then().statusCode(200).extract().header("ETag");
    }

    private static Snapshot snapshot(String path) {
        return new Snapshot(given().get(path).then().statusCode(200).extract().asString(),
                given().get(path + "/versions").then().statusCode(200).extract().asString(),
                given().get(path + "/history").then().statusCode(200).extract().jsonPath().getList("$").size());
    }

    private static String budget() {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","year":2024,"kind":"BUDGET","title":"Concurrency test",
                 "carriedIn":0,"lines":[{"label":"Tilskud","side":"INCOME","amount":1000}]}"""
                .formatted(UUID.randomUUID());
    }
}
