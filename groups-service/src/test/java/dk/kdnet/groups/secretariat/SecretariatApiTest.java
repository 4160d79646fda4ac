package dk.kdnet.groups.secretariat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class SecretariatApiTest extends AsSecretariat {

    private static final String SECRETARIATS = "/api/groups/secretariats";

    private static io.restassured.specification.RequestSpecification api() {
        return given().config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)));
    }

    @Test
    void theKdnetSecretariatIsHostedByRandersWithOneFte() {
        api().get(SECRETARIATS + "/" + ReferenceIds.secretariat("kdnet-sekretariat")).then().statusCode(200)
                .body("hostOrganizationId", equalTo(ReferenceIds.organization("randers").toString()))
                .body("fte", comparesEqualTo(new BigDecimal("1")))
                .body("servedBodyIds", contains(ReferenceIds.body("kdnet").toString()))
                .body("reportsToBodyId", equalTo(ReferenceIds.body("kdnet").toString()));
        api().get(SECRETARIATS + "/" + ReferenceIds.secretariat("fss-sekretariat")).then().statusCode(200)
                .body("fte", comparesEqualTo(new BigDecimal("6")))
                .body("servedBodyIds", containsInAnyOrder(ReferenceIds.body("kosu").toString(),
                        ReferenceIds.body("dassos").toString()));
        api().get(SECRETARIATS + "/" + ReferenceIds.secretariat("kdnet-sekretariat") + "/staff?on=2023-08-25").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].role", equalTo("konsulent"));
    }

    @Test
    void staffOnADateAndTheAuditedHistory() {
        var host = ReferenceIds.organization("aarhus");
        var id = api().contentType("application/json").body("""
                {"name":"Test secretariat %s","hostOrganizationId":"%s","fte":2.5,"servedBodyIds":["%s"],
                 "reportsTo":"the steering group"}""".formatted(UUID.randomUUID(), host, ReferenceIds.body("kosu")))
                .post(SECRETARIATS).then().statusCode(201).body("fte", comparesEqualTo(new BigDecimal("2.5")))
                .extract().path("id").toString();
        var person = given().contentType("application/json").body("""
                {"name":"Line Kjær","title":"Konsulent"}""").post("/api/groups/persons").then().statusCode(201)
                .extract().path("id").toString();
        api().contentType("application/json").body("""
                {"personId":"%s","role":"konsulent","fte":0.5,"validFrom":"2023-01-01","validTo":"2023-12-31"}"""
                .formatted(person)).post(SECRETARIATS + "/" + id + "/staff").then().statusCode(201)
                .body("fte", comparesEqualTo(new BigDecimal("0.5")));
        api().get(SECRETARIATS + "/" + id + "/staff?on=2023-06-01").then().body("$", hasSize(1));
        api().get(SECRETARIATS + "/" + id + "/staff?on=2024-01-01").then().body("$", hasSize(0));

        api().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"name":"Renamed secretariat","hostOrganizationId":"%s","fte":3}""".formatted(host))
                .put(SECRETARIATS + "/" + id).then().statusCode(200).body("servedBodyIds", hasSize(0));
        api().get(SECRETARIATS + "/" + id + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD"))
                .body("[0].state.fte", comparesEqualTo(new BigDecimal("2.5")))
                .body("[1].state.name", equalTo("Renamed secretariat"));
    }

    @Test
    void invalidSecretariatsAndStaff() {
        api().contentType("application/json").body("""
                {"name":"Bad","servedBodyIds":["%s"]}""".formatted(UUID.randomUUID()))
                .post(SECRETARIATS).then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("servedBodyIds"));
        api().contentType("application/json").body("""
                {"name":"Bad","fte":-1}""").post(SECRETARIATS).then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors[0].field", equalTo("fte"));
        var kdnet = ReferenceIds.secretariat("kdnet-sekretariat");
        api().contentType("application/json").body("""
                {"personId":"%s","role":"konsulent","fte":1.5,"validFrom":"2023-01-01"}""".formatted(UUID.randomUUID()))
                .post(SECRETARIATS + "/" + kdnet + "/staff").then().statusCode(400).body("errors[0].field", equalTo("fte"));
        api().contentType("application/json").body("""
                {"personId":"%s","role":"konsulent","fte":0.5,"validFrom":"2023-01-01"}""".formatted(UUID.randomUUID()))
                .post(SECRETARIATS + "/" + kdnet + "/staff").then().statusCode(422)
                .body("errors[0].field", equalTo("personId"));
        api().get(SECRETARIATS + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }
}
