package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import dk.kdnet.local.KdnetStack;
import dk.kdnet.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;

/** The gateway in front of the real, packaged services on real PostgreSQL and Kafka. */
@ExtendWith(SystemStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT {

    private static final String SECRETARIAT = TestInfrastructure.tokens().forRole("secretariat");

    @Test
    @Order(1)
    void routesEachAreaToItsService() {
        given().queryParam("size", 50).get("/api/groups/organizations").then().statusCode(200)
                .body("total", equalTo(20))
                .body("items.find { it.municipalityCode == '751' }.name", equalTo("Aarhus Kommune"));
        given().get("/api/meetings").then().statusCode(200).body("total", equalTo(3));
        // What an ESDH adapter validates the package's metadata.json with, reachable through the gateway.
        given().get("/api/meetings/esdh-package.schema.json").then().statusCode(200)
                .body("properties.schema.const", equalTo("/api/meetings/esdh-package.schema.json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("size", 50)
                .get("/api/economy/organizations").then().statusCode(200).body("total", equalTo(20)));
    }

    @Test
    @Order(2)
    void forwardsQueryStringsHeadersAndProblems() {
        given().queryParam("kind", "REGION").get("/api/groups/organizations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Region Midtjylland"));
        given().header("X-Correlation-Id", "test-correlation-1").get("/api/groups/organizations/not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json")
                .header("X-Correlation-Id", "test-correlation-1");
        given().get("/api/groups/organizations/7f000000-0000-0000-0000-000000000001").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
        given().auth().oauth2(SECRETARIAT).contentType("application/json").body("{}")
                .post("/api/groups/organizations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/validation"));
    }

    @Test
    @Order(3)
    void anOrganizationCreatedInGroupsReachesEconomyThroughKafka() {
        var id = given().auth().oauth2(SECRETARIAT).contentType("application/json")
                .header("X-Correlation-Id", "e2e-create-1")
                .body("""
                        {"kind":"ASSOCIATION","name":"KL - Kommunernes Landsforening"}""")
                .post("/api/groups/organizations").then().statusCode(201).extract().path("id").toString();
        given().auth().oauth2(SECRETARIAT).contentType("application/json").body("""
                {"referenceDate":"2024-01-01","count":12345,"source":"test"}""")
                .post("/api/groups/organizations/" + id + "/populations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/economy/organizations/" + id)
                .then().statusCode(200)
                .body("name", equalTo("KL - Kommunernes Landsforening"))
                .body("populations[0].count", equalTo(12345)));
    }

    @Test
    @Order(4)
    void servesOneOpenApiDocumentOfAllServicesAndSwaggerUi() throws java.io.IOException {
        var document = given().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/groups/organizations"))
                .body("paths", hasKey("/api/meetings"))
                .body("paths", hasKey("/api/economy/organizations"))
                .body("components.schemas", hasKey("Problem"))
                .extract().asString();
        // For .ci/lint/run, which lints the contract as the portal team gets it.
        Files.writeString(Path.of("target", "openapi.json"), document);
        given().get("/swagger-ui/").then().statusCode(200);
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("services.groups", equalTo("UP")).body("services.economy", equalTo("UP"))
                .body("services.meetings", equalTo("UP"));
    }

    @Test
    @Order(5)
    void aStoppedServiceIsAProblemResponseNotAHang() {
        var meetings = SystemStack.stack().service(KdnetStack.Service.MEETINGS);
        meetings.kill();
        try {
            given().get("/api/meetings").then()
                    .time(lessThan(5_000L))
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://kdnet.dk/problems/service-unavailable"))
                    .body("detail", equalTo("meetings-service is not reachable; try again shortly"));
            given().get("/health").then().statusCode(503).body("services.meetings", equalTo("DOWN"));
            given().get("/openapi").then().statusCode(200)
                    .body("paths", hasKey("/api/groups/organizations"))
                    .body("x-unavailable-services[0]", equalTo("meetings"));
        } finally {
            meetings.restart();
        }
        given().get("/api/meetings").then().statusCode(200);
    }
}
