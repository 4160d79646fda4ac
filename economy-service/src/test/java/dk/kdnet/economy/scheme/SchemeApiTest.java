package dk.kdnet.economy.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.economy.charge.Fixtures;
import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafting, validating and approving schemes through the API. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class SchemeApiTest extends AsSecretariat {

    @Inject
    EntityManager em;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID aarhus = ReferenceIds.organization("aarhus");
    private final UUID lemvig = ReferenceIds.organization("lemvig");

    @BeforeEach
    void organizationsAreKnown() {
        Fixtures.knowOrganizations(em, List.of("aarhus", "lemvig"));
    }

    @Test
    void aDraftIsCreatedApprovedOnceAndItsChargesComputed() {
        var id = given().contentType(ContentType.JSON).body(scheme("""
                [{"kind":"EQUAL_SHARE","percent":100}]""", """
                [{"organizationId":"%s"},{"organizationId":"%s"}]""".formatted(aarhus, lemvig)))
                .post("/api/economy/schemes").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("DRAFT")).extract().jsonPath().getString("id");

        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("total", equalTo(1001))
                .body("sumOfRows", equalTo(1002));
        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve")
                .then().statusCode(409).body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("detail", equalTo("scheme " + id + " is APPROVED; only a DRAFT can be approved"));
        given().queryParam("scheme", id).get("/api/economy/charges").then().statusCode(200)
                .body("items.amount", equalTo(java.util.List.of(501, 501))).body("schemeTotal", equalTo(1001));
        given().get("/api/economy/schemes/" + id).then().statusCode(200).body("members.size()", equalTo(2));
        given().get("/api/economy/schemes/" + id + "/history").then().statusCode(200)
                .body("change", equalTo(java.util.List.of("ADD", "MOD")))
                .body("state.status", equalTo(java.util.List.of("DRAFT", "APPROVED")));
        var charge = given().queryParam("scheme", id).get("/api/economy/charges").then().extract().jsonPath()
                .getString("items[0].id");
        given().get("/api/economy/charges/" + charge + "/history").then().statusCode(200)
                .body("[0].change", equalTo("ADD")).body("[0].state.amount", equalTo(501));
    }

    @Test
    void changingAnApprovedSchemeRecalculatesItsChargesAsNewVersions() {
        var request = scheme("""
                [{"kind":"EQUAL_SHARE","percent":100}]""", """
                [{"organizationId":"%s"},{"organizationId":"%s"}]""".formatted(aarhus, lemvig));
        var id = given().contentType(ContentType.JSON).body(request).post("/api/economy/schemes").then()
                .statusCode(201).extract().jsonPath().getString("id");
        var etag = given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve")
                .then().statusCode(200).extract().header("ETag");

        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(request.replace("\"sharedTotal\":1001", "\"sharedTotal\":3000"))
                .put("/api/economy/schemes/" + id).then().statusCode(200).body("total", equalTo(3000));

        var charge = given().queryParam("scheme", id).queryParam("organization", aarhus).get("/api/economy/charges")
                .then().statusCode(200).body("items[0].amount", equalTo(1500)).extract().jsonPath()
                .getString("items[0].id");
        given().get("/api/economy/charges/" + charge + "/versions").then().statusCode(200)
                .body("amount", equalTo(java.util.List.of(501, 1500)))
                .body("causeEventType", equalTo(java.util.List.of("dk.kdnet.economy.scheme-approved.v1",
                        "dk.kdnet.economy.scheme-changed.v1")));
    }

    @Test
    void aSchemeAsReadWithANewTotalIsTakenAndAnotherIdIsRefusedChangingNothing() throws Exception {
        var id = given().contentType(ContentType.JSON).body(scheme("""
                [{"kind":"EQUAL_SHARE","percent":100}]""", """
                [{"organizationId":"%s"},{"organizationId":"%s"}]""".formatted(aarhus, lemvig)))
                .post("/api/economy/schemes").then().statusCode(201).extract().jsonPath().getString("id");
        var path = "/api/economy/schemes/" + id;
        var etag = given().contentType(ContentType.JSON).body("{}").post(path + "/approve").then().statusCode(200)
                .extract().header("ETag");
        var read = (ObjectNode) JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
        for (var readOnly : List.of("id", "status", "approvedAt", "total", "sumOfRows", "version")) {
            assertTrue(read.has(readOnly), readOnly + " is in the body sent back");
        }

        read.put("sharedTotal", new BigDecimal("3000.00"));
        var next = given().contentType(ContentType.JSON).header("If-Match", etag).body(JSON.writeValueAsString(read))
                .put(path).then().statusCode(200).body("total", equalTo(3000)).body("status", equalTo("APPROVED"))
                .extract().header("ETag");

        read.put("id", UUID.randomUUID().toString());
        read.put("sharedTotal", 5000);
        given().contentType(ContentType.JSON).header("If-Match", next).body(JSON.writeValueAsString(read)).put(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().get(path).then().statusCode(200).header("ETag", next).body("total", equalTo(3000));
    }

    @Test
    void theReferenceSchemesAreListedByOwner() {
        given().queryParam("owner", ReferenceIds.collaboration("govtech-midtjylland")).get("/api/economy/schemes")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.id", hasItem(ReferenceDataLoader.schemeId("govtech-midtjylland-2024").toString()))
                .body("items.year", equalTo(java.util.List.of(2022, 2023, 2024)));
        given().get("/api/economy/schemes").then().statusCode(200).body("page", equalTo(0));
    }

    @Test
    void theOpenApiAndAsyncApiDocumentsDescribeTheEconomyApiAndEvents() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/economy/schemes/{id}/scenarios'.post.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/economy/charges/{id}/invoice'.post.responses.'409'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue());
        given().get("/asyncapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("dk.kdnet.economy.charge-recalculated.v1"));
    }

    @Test
    void everyFailureResponseOfEveryOperationIsDocumentedAsAProblem() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertEquals(List.of(), OpenApiContract.of(document).failuresWithoutProblemContent());
    }

    @Test
    void sharesNotSummingTo100PercentAre422NamingTheField() {
        given().contentType(ContentType.JSON).body(scheme("""
                [{"kind":"EQUAL_SHARE","percent":25},{"kind":"BY_POPULATION","percent":65,"referenceDate":"2023-01-01"}]""",
                """
                [{"organizationId":"%s","population":361544}]""".formatted(aarhus)))
                .post("/api/economy/schemes").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("components.percent"));
    }

    @Test
    void aNegativeAmountIs422NamingTheField() {
        given().contentType(ContentType.JSON).body(scheme("""
                [{"kind":"FIXED_AMOUNT","organizationId":"%s","amount":-5}]""".formatted(aarhus), "[]")
                .replace("\"sharedTotal\":1001", "\"sharedTotal\":0"))
                .post("/api/economy/schemes").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("components[0].amount"));
    }

    @Test
    void anUnknownOrganizationIs422NamingTheField() {
        given().contentType(ContentType.JSON).body(scheme("""
                [{"kind":"EQUAL_SHARE","percent":100}]""", """
                [{"organizationId":"%s"},{"organizationId":"%s"}]""".formatted(aarhus, UUID.randomUUID())))
                .post("/api/economy/schemes").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("members[1].organizationId"));
    }

    @Test
    void aMissingComponentListIs400() {
        given().contentType(ContentType.JSON).body(scheme("[]", "[]")).post("/api/economy/schemes")
                .then().statusCode(400).body("errors[0].field", equalTo("components"));
    }

    private static String scheme(String components, String members) {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"Test scheme","year":2024,"budgetMode":"FIXED_TOTAL",
                 "rounding":"HALF_UP","sharedTotal":1001,"components":%s,"members":%s}"""
                .formatted(UUID.randomUUID(), components, members);
    }
}
