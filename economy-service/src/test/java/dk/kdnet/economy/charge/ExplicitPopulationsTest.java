package dk.kdnet.economy.charge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A charge names the population it used, its date and its source; a population given for a member is never
 * replaced without a word: under RECORDED it must equal groups-service's figure (422 naming both otherwise), under
 * GIVEN it is used and marked, with the recorded figure beside it.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ExplicitPopulationsTest extends AsSecretariat {


    @Inject
    EntityManager em;

    @Test
    void underRecordedAGivenFigureThatDiffersIsRefusedNamingBothFigures() {
        var a = organization(100_000);
        var b = organization(300_000);

        given().contentType(ContentType.JSON).body(scheme(null, a, 120_000L, b, null)).post("/api/economy/schemes")
                .then().statusCode(422).body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("members[0].population"))
                .body("errors[0].message", containsString("given as 120,000 but groups-service recorded 100,000 "
                        + "for 2023-01-01"));
    }

    @Test
    void underRecordedAGivenFigureThatAgreesIsUsedAndEachChargeNamesItsSource() {
        var a = organization(100_000);
        var b = organization(300_000);
        var scheme = approved(scheme(null, a, 100_000L, b, null));

        // The figure in use is groups-service's (which the given one equals); the scheme keeps what was given.
        var charges = charges(scheme);
        assertBreakdown(charges, a, 250, 100_000, "RECORDED", null);
        assertBreakdown(charges, b, 750, 300_000, "RECORDED", null);
        given().get("/api/economy/schemes/" + scheme).then().statusCode(200)
                .body("populationBasis", equalTo("RECORDED"))
                .body("members.populationSource", equalTo(java.util.List.of("GIVEN", "RECORDED")));
    }

    @Test
    void underGivenAFigureThatDiffersIsUsedAndMarkedWithTheRecordedOneBesideIt() {
        var a = organization(100_000);
        var b = organization(300_000);
        var scheme = approved(scheme("GIVEN", a, 200_000L, b, null));

        var charges = charges(scheme);
        assertBreakdown(charges, a, 400, 200_000, "GIVEN", 100_000);
        assertBreakdown(charges, b, 600, 300_000, "RECORDED", null);
    }

    @Test
    void aPopulationGivenForASchemeThatChargesByNoneIsRefusedNotIgnored() {
        var a = organization(100_000);
        given().contentType(ContentType.JSON).body("""
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"Equal","year":2024,"budgetMode":"FIXED_TOTAL",
                 "rounding":"LARGEST_REMAINDER","sharedTotal":1000,"components":[{"kind":"EQUAL_SHARE","percent":100}],
                 "members":[{"organizationId":"%s","population":5}]}""".formatted(UUID.randomUUID(), a))
                .post("/api/economy/schemes").then().statusCode(422)
                .body("errors[0].field", equalTo("members[0].population"))
                .body("errors[0].message", containsString("no component charges by population"));
    }

    @Test
    void aScenarioJoinWithAFigureOtherThanTheRecordedOneIsRefusedUnderRecordedAndMarkedUnderGiven() {
        var a = organization(100_000);
        var b = organization(300_000);
        var joiner = organization(50_000);
        var recorded = approved(scheme(null, a, null, b, null));
        var body = """
                {"changes":[{"type":"JOIN","organizationId":"%s","on":"2024-01-01","population":60000}]}"""
                .formatted(joiner);

        given().contentType(ContentType.JSON).body(body).post("/api/economy/schemes/" + recorded + "/scenarios")
                .then().statusCode(422).body("errors[0].field", equalTo("changes[0].population"))
                .body("errors[0].message", containsString("given as 60,000 but groups-service recorded 50,000"));

        var givenBasis = approved(scheme("GIVEN", a, null, b, null));
        var scenario = given().contentType(ContentType.JSON).body(body)
                .post("/api/economy/schemes/" + givenBasis + "/scenarios").then().statusCode(200).extract()
                .jsonPath();
        var row = "rows.find { it.organizationId == '" + joiner + "' }";
        org.junit.jupiter.api.Assertions.assertEquals(60_000, scenario.getInt(row + ".breakdown.population"));
        org.junit.jupiter.api.Assertions.assertEquals("GIVEN", scenario.getString(row + ".breakdown.populationSource"));
        org.junit.jupiter.api.Assertions.assertEquals(50_000, scenario.getInt(row + ".breakdown.recordedPopulation"));
    }

    private static void assertBreakdown(JsonPath charges, UUID organization, int amount, int population,
            String source, Integer recorded) {
        var item = "items.find { it.organizationId == '" + organization + "' }";
        org.junit.jupiter.api.Assertions.assertEquals(amount, charges.getInt(item + ".amount"));
        org.junit.jupiter.api.Assertions.assertEquals(population, charges.getInt(item + ".breakdown.population"));
        org.junit.jupiter.api.Assertions.assertEquals("2023-01-01", charges.getString(item + ".breakdown.populationDate"));
        org.junit.jupiter.api.Assertions.assertEquals(source, charges.getString(item + ".breakdown.populationSource"));
        org.junit.jupiter.api.Assertions.assertEquals(recorded, charges.get(item + ".breakdown.recordedPopulation"));
    }

    private static JsonPath charges(UUID scheme) {
        return given().queryParam("scheme", scheme).get("/api/economy/charges").then().statusCode(200).extract()
                .jsonPath();
    }

    private static UUID approved(String request) {
        var id = given().contentType(ContentType.JSON).body(request).post("/api/economy/schemes").then()
                .statusCode(201).body("populationBasis", org.hamcrest.Matchers.notNullValue()).extract().jsonPath()
                .getString("id");
        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve").then()
                .statusCode(200).body("members[0].population", org.hamcrest.Matchers.notNullValue());
        return UUID.fromString(id);
    }

    /** A scheme splitting 1,000 kr by population between two members, each given a population or not. */
    private static String scheme(String basis, UUID a, Long aPopulation, UUID b, Long bPopulation) {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"By population","year":2024,
                 "budgetMode":"FIXED_TOTAL","rounding":"LARGEST_REMAINDER","sharedTotal":1000,%s
                 "components":[{"kind":"BY_POPULATION","percent":100,"referenceDate":"2023-01-01"}],
                 "members":[{"organizationId":"%s","population":%s},{"organizationId":"%s","population":%s}]}"""
                .formatted(UUID.randomUUID(), basis == null ? "" : "\"populationBasis\":\"" + basis + "\",", a,
                        aPopulation, b, bPopulation);
    }

    private UUID organization(long population) {
        return TestSchemes.municipality(em, population);
    }
}
