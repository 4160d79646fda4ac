package dk.kdnet.groups.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PersonApiTest extends AsSecretariat {

    private static final String PERSONS = "/api/groups/persons";
    private static final UUID RANDERS = ReferenceIds.organization("randers");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void erasureReplacesThePersonalDataEverywhereButKeepsTheSeats() throws Exception {
        var id = given().contentType("application/json").body("""
                {"name":"Kirsten Ravn","title":"Kommunaldirektør","employerOrganizationId":"%s",
                 "email":"kirsten.ravn@example.dk"}""".formatted(RANDERS))
                .post(PERSONS).then().statusCode(201).body("erased", equalTo(false)).extract().path("id").toString();
        given().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"name":"Kirsten Ravn","title":"Direktør","employerOrganizationId":"%s",
                 "email":"k.ravn@example.dk"}""".formatted(RANDERS))
                .put(PERSONS + "/" + id).then().statusCode(200).body("title", equalTo("Direktør"));
        var body = given().contentType("application/json").body("""
                {"kind":"BOARD","name":"Erasure board %s"}""".formatted(UUID.randomUUID()))
                .post("/api/groups/bodies").then().statusCode(201).extract().path("id").toString();
        given().contentType("application/json").body("""
                {"personId":"%s","role":"CHAIR","validFrom":"2022-01-01","representingOrganizationId":"%s"}"""
                .formatted(id, RANDERS)).post("/api/groups/bodies/" + body + "/members").then().statusCode(201);

        given().post(PERSONS + "/" + id + "/erasure").then().statusCode(200)
                .body("name", equalTo("erased person")).body("email", nullValue()).body("title", nullValue())
                .body("employerOrganizationId", nullValue()).body("erased", equalTo(true))
                .body("erasedAt", notNullValue());

        given().get("/api/groups/bodies/" + body + "/members?on=2023-01-01").then().statusCode(200)
                .body("personName", contains("erased person")).body("[0].role", equalTo("CHAIR"))
                .body("[0].representingOrganizationId", equalTo(RANDERS.toString()));
        given().get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD", "MOD"))
                .body("state.name", contains("erased person", "erased person", "erased person"))
                .body(not(containsString("Ravn")))
                .body(not(containsString("example.dk")));

        var record = KafkaEvents.await(bootstrap, "groups.persons", r -> id.equals(r.key())
                && "dk.kdnet.groups.person-erased.v1".equals(KafkaEvents.header(r, "ce_type")));
        var data = new ObjectMapper().readTree(record.value());
        assertEquals(id, data.get("personId").asText());
        assertEquals("erased person", data.get("displayName").asText());

        given().post(PERSONS + "/" + id + "/erasure").then().statusCode(200).body("name", equalTo("erased person"));
        var erased = given().get(PERSONS + "/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType("application/json").header("If-Match", erased).body("""
                {"name":"Kirsten Ravn"}""").put(PERSONS + "/" + id).then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));
    }

    @Test
    void anonymousCallersDoNotSeeAPersonsEmailMembersDo() {
        var name = "Aage Mail " + UUID.randomUUID();
        var id = given().contentType("application/json").body("""
                {"name":"%s","email":"aage.mail@example.dk"}""".formatted(name))
                .post(PERSONS).then().statusCode(201).body("email", equalTo("aage.mail@example.dk"))
                .extract().path("id").toString();

        given().auth().none().get(PERSONS + "/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("email", nullValue());
        given().auth().none().queryParam("size", 200).get(PERSONS).then().statusCode(200)
                .body("items.find { it.id == '%s' }.name".formatted(id), equalTo(name))
                .body("items.find { it.id == '%s' }.email".formatted(id), nullValue())
                .body(not(containsString("aage.mail@example.dk")));
        given().auth().oauth2(member()).get(PERSONS + "/" + id).then().statusCode(200)
                .body("email", equalTo("aage.mail@example.dk"));
        given().auth().oauth2(member()).queryParam("size", 200).get(PERSONS).then().statusCode(200)
                .body("items.find { it.id == '%s' }.email".formatted(id), equalTo("aage.mail@example.dk"));
        given().get(PERSONS + "/" + id).then().statusCode(200).body("email", equalTo("aage.mail@example.dk"));
    }

    @Test
    void referencePersonsAreFictitiousChairs() {
        given().queryParam("size", 200).get(PERSONS).then().statusCode(200)
                .body("items.name", hasItem("Anna Holm")).body("items.name", hasItem("Peter Dahl"));
        given().get(PERSONS + "/" + ReferenceIds.of("person", "anna-holm") + "/bodies?on=2023-08-25").then()
                .statusCode(200).body("bodyName", contains("KD-Net")).body("[0].role", equalTo("CHAIR"));
    }

    @Test
    void invalidPersons() {
        given().contentType("application/json").body("""
                {"name":"","email":"not-an-address"}""").post(PERSONS).then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors.field", contains("email", "name"));
        given().contentType("application/json").body("""
                {"name":"Jens Skov","employerOrganizationId":"%s"}""".formatted(UUID.randomUUID()))
                .post(PERSONS).then().statusCode(422).body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("employerOrganizationId"));
        var unknown = UUID.randomUUID();
        given().post(PERSONS + "/" + unknown + "/erasure").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
        given().get(PERSONS + "/" + unknown + "/history").then().statusCode(404);
    }
}
