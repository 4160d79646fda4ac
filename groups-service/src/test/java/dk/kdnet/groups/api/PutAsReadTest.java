package dk.kdnet.groups.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.kdnet.groups.organization.UnusedMunicipalityCodes;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A PUT takes a body as a GET gave it, read-only fields and all; only another id is refused. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PutAsReadTest extends AsSecretariat {

    private static final String GROUPS = "/api/groups";

    static Stream<Arguments> resources() {
        return Stream.of(
                arguments("organizations", """
                        {"kind":"MUNICIPALITY","name":"%s","municipalityCode":"%s"}"""),
                arguments("persons", """
                        {"name":"%s","email":"read-back@example.dk"}"""),
                arguments("bodies", """
                        {"kind":"BOARD","name":"%s","validFrom":"2024-01-01"}"""),
                arguments("secretariats", """
                        {"name":"%s","fte":1.5}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aBodyAsReadWithOneChangeIsTakenAndAnotherIdIsRefusedChangingNothing(String collection, String registration) {
        var name = "Read back " + UUID.randomUUID();
        var code = UnusedMunicipalityCodes.next();
        var id = given().contentType("application/json").body(registration.formatted(name, code))
                .post(GROUPS + "/" + collection).then().statusCode(201).extract().path("id").toString();
        var resource = GROUPS + "/" + collection + "/" + id;
        var read = given().get(resource).then().statusCode(200).header("ETag", "\"0\"").extract().body()
                .<Map<String, Object>>as(Map.class);

        var renamed = new HashMap<>(read);
        renamed.put("name", "Renamed " + name);
        given().contentType("application/json").header("If-Match", "\"0\"").body(renamed).put(resource).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renamed " + name))
                .body("id", equalTo(id));

        var moved = given().get(resource).then().statusCode(200).extract().body().<Map<String, Object>>as(Map.class);
        var otherId = UUID.randomUUID().toString();
        moved.put("id", otherId);
        moved.put("name", "Moved " + name);
        given().contentType("application/json").header("If-Match", "\"1\"").body(moved).put(resource).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"))
                .body("detail", equalTo("is " + id + " as in the path, not " + otherId + ": an id cannot be changed"));
        given().get(resource).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renamed " + name));
        given().get(GROUPS + "/" + collection + "/" + otherId).then().statusCode(404);

        var unknown = new HashMap<>(read);
        unknown.put("nickname", "still refused");
        given().contentType("application/json").header("If-Match", "\"1\"").body(unknown).put(resource).then()
                .statusCode(400).body("errors.field", hasItem("nickname"));
    }
}
