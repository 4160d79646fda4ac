package dk.kdnet.groups.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ETags on reads, and If-Match on every update so a concurrent change is never overwritten. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ConditionalRequestsTest extends AsSecretariat {

    private static final String GROUPS = "/api/groups";

    @Inject
    EntityManager em;

    /** Each updatable resource: its collection, a new one's body, and a change that renames it. */
    static Stream<Arguments> updatableResources() {
        return Stream.of(
                arguments("organizations", """
                        {"kind":"OTHER","name":"%s"}""", """
                        {"kind":"ASSOCIATION","name":"%s"}"""),
                arguments("persons", """
                        {"name":"%s","email":"conditional@example.dk"}""", """
                        {"name":"%s","email":"conditional@example.dk"}"""),
                arguments("bodies", """
                        {"kind":"BOARD","name":"%s"}""", """
                        {"kind":"WORKING_GROUP","name":"%s"}"""),
                arguments("secretariats", """
                        {"name":"%s","fte":1.5}""", """
                        {"name":"%s","fte":2}"""));
    }

    static Stream<String> readableResources() {
        return Stream.of(GROUPS + "/organizations/" + ReferenceIds.organization("aarhus"),
                GROUPS + "/persons/" + ReferenceIds.of("person", "anna-holm"),
                GROUPS + "/bodies/" + ReferenceIds.body("kosu"),
                GROUPS + "/secretariats/" + ReferenceIds.secretariat("kdnet-sekretariat"),
                GROUPS + "/collaborations/" + ReferenceIds.collaboration("govtech-midtjylland"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updatableResources")
    void anUpdateWithoutOrWithAStaleIfMatchChangesNothingAndTheCurrentOneGivesTheNextVersion(String collection,
            String registration, String change) {
        var path = GROUPS + "/" + collection;
        var name = "Conditional " + UUID.randomUUID();
        var id = given().contentType("application/json").body(registration.formatted(name)).post(path).then()
                .statusCode(201).header("ETag", "\"0\"").extract().path("id").toString();
        var resource = path + "/" + id;
        var renamed = change.formatted("Renamed " + name);
        var eventsBefore = outboxRows(id);

        given().contentType("application/json").body(renamed).put(resource).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", endsWith("precondition-required")).body("status", equalTo(428));
        assertUnchanged(resource, name, eventsBefore, id);

        given().contentType("application/json").header("If-Match", "\"7\"").body(renamed).put(resource).then()
                .statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("precondition-failed")).body("status", equalTo(412));
        assertUnchanged(resource, name, eventsBefore, id);

        var etag = given().get(resource).then().statusCode(200).extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body(renamed).put(resource).then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("name", equalTo("Renamed " + name));
        given().get(resource).then().statusCode(200).header("ETag", "\"1\"");
        given().get(resource + "/history").then().statusCode(200).body("change", hasSize(2));

        // The version read before the change is stale now: a second writer with it is refused.
        given().contentType("application/json").header("If-Match", etag).body(registration.formatted(name)).put(resource)
                .then().statusCode(412);
        given().get(resource).then().body("name", equalTo("Renamed " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableResources")
    void aReadCarriesItsETagAndIfNoneMatchOfItIsNotModified(String resource) {
        var read = given().get(resource).then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + read.path("version") + "\"", etag);

        given().header("If-None-Match", etag).get(resource).then().statusCode(304).body(emptyString());
        given().auth().none().header("If-None-Match", etag).get(resource).then().statusCode(304);
        given().header("If-None-Match", "\"" + (read.<Integer>path("version") + 1) + "\"").get(resource).then()
                .statusCode(200).header("ETag", etag);
    }

    @Test
    void theAnswersOfSeatAndStaffChangesCarryTheirETag() {
        var person = create("persons", """
                {"name":"Conditional Seat"}""");
        var body = create("bodies", """
                {"kind":"BOARD","name":"Conditional seats %s"}""".formatted(UUID.randomUUID()));
        var seat = given().contentType("application/json").body("""
                {"personId":"%s","role":"MEMBER","validFrom":"2024-01-01"}""".formatted(person))
                .post(GROUPS + "/bodies/" + body + "/members").then().statusCode(201).header("ETag", "\"0\"")
                .extract().path("id").toString();
        given().contentType("application/json").body("""
                {"validTo":"2024-06-30"}""").post(GROUPS + "/bodies/" + body + "/members/" + seat + "/end").then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        var secretariat = create("secretariats", """
                {"name":"Conditional staff %s"}""".formatted(UUID.randomUUID()));
        given().contentType("application/json").body("""
                {"personId":"%s","role":"konsulent","fte":0.5,"validFrom":"2024-01-01"}""".formatted(person))
                .post(GROUPS + "/secretariats/" + secretariat + "/staff").then().statusCode(201)
                .header("ETag", "\"0\"");
    }

    private static String create(String collection, String json) {
        return given().contentType("application/json").body(json).post(GROUPS + "/" + collection).then()
                .statusCode(201).extract().path("id").toString();
    }

    private void assertUnchanged(String resource, String name, long eventsBefore, String id) {
        given().get(resource).then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo(name))
                .body("version", equalTo(0));
        given().get(resource + "/history").then().statusCode(200).body("change", hasSize(1));
        assertEquals(eventsBefore, outboxRows(id), "no event for a refused update");
    }

    private long outboxRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE subject = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }
}
