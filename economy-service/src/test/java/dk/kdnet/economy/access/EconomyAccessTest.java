package dk.kdnet.economy.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.kdnet.economy.charge.Fixtures;
import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may see and change what in economy-service, with real tokens. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class EconomyAccessTest extends AsSecretariat {

    private static final String GOVTECH_2024 = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71";

    @Inject
    EntityManager em;

    private final UUID aarhus = ReferenceIds.organization("aarhus");
    private final UUID lemvig = ReferenceIds.organization("lemvig");

    @BeforeEach
    void organizationsAreKnown() {
        Fixtures.knowOrganizations(em, List.of("aarhus", "lemvig"));
    }

    @Test
    void onlyTheSecretariatChangesData() {
        given().auth().none().contentType(ContentType.JSON).body(draft())
                .post("/api/economy/schemes").then().statusCode(401)
                .body("type", equalTo("https://kdnet.dk/problems/unauthorized"));
        given().auth().oauth2(member()).contentType(ContentType.JSON).body(draft())
                .post("/api/economy/schemes").then().statusCode(403)
                .body("type", equalTo("https://kdnet.dk/problems/forbidden"));
        given().contentType(ContentType.JSON).body(draft()).post("/api/economy/schemes").then().statusCode(201);
    }

    @Test
    void aDraftSchemeIsInternal() {
        var id = given().contentType(ContentType.JSON).body(draft()).post("/api/economy/schemes").then()
                .statusCode(201).extract().jsonPath().getString("id");
        given().auth().none().get("/api/economy/schemes/" + id).then().statusCode(404);
        given().auth().oauth2(member()).get("/api/economy/schemes/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        given().auth().none().queryParam("size", 200).get("/api/economy/schemes").then().statusCode(200)
                .body("items.status", everyItem(equalTo("APPROVED")))
                .body("items.id", not(hasItem(id)));
        given().auth().none().get("/api/economy/schemes/" + GOVTECH_2024).then().statusCode(200);
    }

    @Test
    void aMunicipalitysFinanceSystemReadsItsOwnChargesOnly() {
        var aarhusFinance = TestInfrastructure.tokens().forClient("aarhus-finance", aarhus);
        given().auth().oauth2(aarhusFinance).queryParam("year", 2024).get("/api/economy/charges").then()
                .statusCode(200)
                .body("items.organizationId", everyItem(equalTo(aarhus.toString())))
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(aarhusFinance).queryParam("year", 2024)
                .queryParam("organization", ReferenceIds.organization("hedensted"))
                .get("/api/economy/charges").then().statusCode(403)
                .body("type", equalTo("https://kdnet.dk/problems/forbidden"));
        var hedenstedCharge = given().queryParam("scheme", GOVTECH_2024)
                .queryParam("organization", ReferenceIds.organization("hedensted")).get("/api/economy/charges")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(aarhusFinance).get("/api/economy/charges/" + hedenstedCharge).then().statusCode(404);
        given().auth().oauth2(aarhusFinance).get("/api/economy/charges/" + hedenstedCharge + "/versions").then()
                .statusCode(404);
        given().auth().oauth2(member()).get("/api/economy/charges/" + hedenstedCharge).then().statusCode(200);
    }

    @Test
    void aDraftSchemesContributionTableIsInternal() {
        var id = given().contentType(ContentType.JSON).body(draft()).post("/api/economy/schemes").then()
                .statusCode(201).extract().jsonPath().getString("id");
        for (var table : List.of("/contributions.csv", "/contributions.xlsx")) {
            given().auth().none().get("/api/economy/schemes/" + id + table).then().statusCode(404)
                    .body("type", equalTo("https://kdnet.dk/problems/not-found"));
            given().auth().oauth2(member()).get("/api/economy/schemes/" + id + table).then().statusCode(200);
            given().auth().none().get("/api/economy/schemes/" + GOVTECH_2024 + table).then().statusCode(200);
        }
    }

    @Test
    void anApprovedBudgetShowsAnonymousCallersItsApprovedVersionWhileItsNextIsDrafted() {
        var owner = UUID.randomUUID();
        var path = "/api/economy/budgets/" + given().contentType(ContentType.JSON).body("""
                {"ownerKind":"COLLABORATION","ownerId":"%s","year":2024,"kind":"BUDGET","title":"Access test",
                 "carriedIn":0,"lines":[{"label":"Tilskud","side":"INCOME","amount":1000}]}""".formatted(owner))
                .post("/api/economy/budgets").then().statusCode(201).extract().jsonPath().getString("id");
        given().auth().none().get(path).then().statusCode(404);
        given().auth().none().get(path + "/versions").then().statusCode(404);
        given().auth().none().queryParam("owner", owner).get("/api/economy/budgets").then().statusCode(200)
                .body("total", equalTo(0));
        transition(path, "PROPOSED");
        given().auth().none().get(path).then().statusCode(404);
        var etag = transition(path, "APPROVED");
        given().contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"lines":[{"label":"Tilskud","side":"INCOME","amount":2500}]}""").put(path + "/lines").then()
                .statusCode(200).body("number", equalTo(2)).body("status", equalTo("DRAFT"));

        given().auth().none().get(path).then().statusCode(200).body("number", equalTo(1))
                .body("status", equalTo("APPROVED")).body("income", equalTo(1000));
        given().auth().none().get(path + "/versions").then().statusCode(200).body("number", equalTo(List.of(1)));
        given().auth().none().queryParam("owner", owner).get("/api/economy/budgets").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].number", equalTo(1)).body("items[0].income", equalTo(1000));
        given().auth().oauth2(member()).get(path).then().statusCode(200).body("number", equalTo(2))
                .body("income", equalTo(2500));
        given().auth().oauth2(member()).get(path + "/versions").then().statusCode(200)
                .body("number", equalTo(List.of(1, 2)));
    }

    @Test
    void auditHistoriesNameStaffSoOnlyMembersAndTheSecretariatReadThem() {
        var charge = given().queryParam("scheme", GOVTECH_2024).get("/api/economy/charges").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        var budget = ReferenceDataLoader.budgetId("kdnet-budget-2023");
        for (var history : List.of("/api/economy/schemes/" + GOVTECH_2024 + "/history",
                "/api/economy/charges/" + charge + "/history", "/api/economy/budgets/" + budget + "/history")) {
            given().auth().none().get(history).then().statusCode(401)
                    .body("type", equalTo("https://kdnet.dk/problems/unauthorized"));
            given().auth().oauth2(member()).get(history).then().statusCode(200).body("[0].change", equalTo("ADD"));
        }
    }

    @Test
    void scenariosAreComputedForMembersAndTheSecretariatOnly() {
        var scenario = """
                {"changes":[{"type":"LEAVE","organizationId":"%s","on":"2024-01-01"}]}"""
                .formatted(ReferenceIds.organization("hedensted"));
        var path = "/api/economy/schemes/" + GOVTECH_2024 + "/scenarios";
        given().auth().none().contentType(ContentType.JSON).body(scenario).post(path).then().statusCode(401);
        given().auth().oauth2(member()).contentType(ContentType.JSON).body(scenario).post(path).then()
                .statusCode(200).body("scenarioSumOfRows", equalTo(2_647_772));
    }

    private static String transition(String path, String to) {
        return given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}").post(path + "/transitions")
                .then().statusCode(200).body("status", equalTo(to)).extract().header("ETag");
    }

    private String draft() {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"Access test","year":2024,"budgetMode":"FIXED_TOTAL",
                 "rounding":"HALF_UP","sharedTotal":1000,"components":[{"kind":"EQUAL_SHARE","percent":100}],
                 "members":[{"organizationId":"%s"},{"organizationId":"%s"}]}"""
                .formatted(UUID.randomUUID(), aarhus, lemvig);
    }
}
