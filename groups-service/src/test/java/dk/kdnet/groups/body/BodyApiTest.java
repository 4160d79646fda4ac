package dk.kdnet.groups.body;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BodyApiTest extends AsSecretariat {

    private static final String BODIES = "/api/groups/bodies";
    private static final UUID KDNET = ReferenceIds.body("kdnet");
    private static final UUID KOSU = ReferenceIds.body("kosu");
    private static final UUID VIBORG = ReferenceIds.organization("viborg");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void kosuWasChairedFromIkastBrandeUntilTenthFebruary2022AndFromViborgAfter() {
        given().get(BODIES + "/" + KOSU + "/members?on=2022-02-10").then().statusCode(200)
                .body("findAll { it.role == 'CHAIR' }.personName", contains("Mette Lund"))
                .body("findAll { it.role == 'CHAIR' }.representingOrganizationId",
                        contains(ReferenceIds.organization("ikast-brande").toString()))
                .body("findAll { it.role == 'VICE_CHAIR' }", hasSize(2));
        given().get(BODIES + "/" + KOSU + "/members?on=2022-02-11").then().statusCode(200)
                .body("findAll { it.role == 'CHAIR' }.personName", contains("Peter Dahl"))
                .body("findAll { it.role == 'CHAIR' }.representingOrganizationId", contains(VIBORG.toString()))
                .body("bodyName", hasItem("KOSU"));
        given().get(BODIES + "/" + KOSU + "/members").then().statusCode(200).body("$", hasSize(4))
                .body("find { it.personName == 'Mette Lund' }.validTo", equalTo("2022-02-10"));
    }

    @Test
    void kdnetIsTheNetworkThatSetUpTheSteeringGroups() {
        given().get(BODIES + "/" + KDNET).then().statusCode(200).body("kind", equalTo("NETWORK"))
                .body("shortName", equalTo("KD-Net")).body("parentBodyId", nullValue());
        given().get(BODIES + "/" + KDNET + "/children").then().statusCode(200).body("$", hasSize(9))
                .body("shortName", hasItem("KOSU")).body("shortName", hasItem("DASSOS"));
        given().get(BODIES + "/" + KDNET + "/members?on=2023-08-25").then().statusCode(200)
                .body("role", containsInAnyOrder("CHAIR", "VICE_CHAIR"))
                .body("find { it.role == 'CHAIR' }.representingOrganizationId",
                        equalTo(ReferenceIds.organization("randers").toString()));
    }

    @Test
    void syddjursMovedFromViceChairToChairOfTheEducationSteeringGroupIn2023() {
        var body = ReferenceIds.body("uddannelsesstyregruppen");
        given().get(BODIES + "/" + body + "/members?on=2022-06-01").then().statusCode(200)
                .body("find { it.role == 'CHAIR' }.personName", equalTo("Niels Holt"))
                .body("find { it.role == 'VICE_CHAIR' }.personName", equalTo("Tove Juhl"));
        given().get(BODIES + "/" + body + "/members?on=2023-06-01").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].role", equalTo("CHAIR")).body("[0].personName", equalTo("Tove Juhl"))
                .body("[0].validFrom", equalTo("2023-01-01"));
    }

    @Test
    void aSecondChairInTheSamePeriodBreaksARuleButTheNextChairMayFollow() throws Exception {
        var body = body("STEERING_GROUP", null);
        var first = person("Anna Holm");
        var second = person("Jens Skov");
        var seat = seat(body, first, "CHAIR", "2022-01-01", null).then().statusCode(201)
                .body("personName", equalTo("Anna Holm")).extract().path("id").toString();
        seat(body, second, "CHAIR", "2023-06-01", null).then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("role"));

        given().contentType("application/json").body("""
                {"validTo":"2023-05-31","endReason":"job change"}""")
                .post(BODIES + "/" + body + "/members/" + seat + "/end").then().statusCode(200)
                .body("validTo", equalTo("2023-05-31")).body("endReason", equalTo("job change"));
        seat(body, second, "CHAIR", "2023-06-01", null).then().statusCode(201);
        given().get(BODIES + "/" + body + "/members?on=2023-05-31").then().body("personName", contains("Anna Holm"));
        given().get(BODIES + "/" + body + "/members?on=2023-06-01").then().body("personName", contains("Jens Skov"));

        var started = event(body, "dk.kdnet.groups.body-membership-started.v1", seat);
        assertEquals("CHAIR", started.get("role").asText());
        assertEquals("Anna Holm", started.get("personDisplayName").asText());
        assertEquals(first.toString(), started.get("personId").asText());
        assertEquals("2022-01-01", started.get("validFrom").asText());
        var ended = event(body, "dk.kdnet.groups.body-membership-ended.v1", seat);
        assertEquals("2023-05-31", ended.get("validTo").asText());
        assertEquals("job change", ended.get("endReason").asText());
    }

    @Test
    void twoViceChairsWhereTheBodyHasTwoSeatsButNotThree() {
        var body = body("STEERING_GROUP", ",\"viceChairSeats\":2");
        seat(body, person("Karen Vest"), "VICE_CHAIR", "2022-01-01", null).then().statusCode(201);
        seat(body, person("Søren Krog"), "VICE_CHAIR", "2022-01-01", "2022-12-31").then().statusCode(201);
        seat(body, person("Lone Berg"), "VICE_CHAIR", "2022-06-01", null).then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"));
        seat(body, person("Lone Berg"), "VICE_CHAIR", "2023-01-01", null).then().statusCode(201);
        seat(body, person("Ole Brink"), "MEMBER", "2022-01-01", null).then().statusCode(201);
        given().get(BODIES + "/" + body + "/members?on=2023-02-01").then().body("$", hasSize(3));
    }

    @Test
    void aRoleChangeEndsTheSeatTheDayBeforeAndStartsTheNext() throws Exception {
        var body = body("WORKING_GROUP", null);
        var tove = person("Tove Juhl");
        var seat = seat(body, tove, "VICE_CHAIR", "2022-01-01", null).then().statusCode(201).extract().path("id")
                .toString();
        var next = given().contentType("application/json").body("""
                {"role":"CHAIR","on":"2023-01-01"}""")
                .post(BODIES + "/" + body + "/members/" + seat + "/role-change").then().statusCode(201)
                .body("role", equalTo("CHAIR")).body("validFrom", equalTo("2023-01-01")).body("validTo", nullValue())
                .body("personId", equalTo(tove.toString())).extract().path("id").toString();
        given().get(BODIES + "/" + body + "/members").then().body("$", hasSize(2))
                .body("find { it.id == '" + seat + "' }.validTo", equalTo("2022-12-31"))
                .body("find { it.id == '" + seat + "' }.endReason", equalTo("role change"));
        assertEquals("2022-12-31", event(body, "dk.kdnet.groups.body-membership-ended.v1", seat).get("validTo").asText());
        assertEquals("CHAIR", event(body, "dk.kdnet.groups.body-membership-started.v1", next).get("role").asText());
        given().get(BODIES + "/" + body + "/members/" + seat + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD")).body("[0].state.validTo", nullValue())
                .body("[1].state.validTo", equalTo("2022-12-31"));

        given().contentType("application/json").body("""
                {"role":"MEMBER","on":"2022-06-01"}""")
                .post(BODIES + "/" + body + "/members/" + next + "/role-change").then().statusCode(422)
                .body("errors[0].field", equalTo("on"));
    }

    @Test
    void thePersonsSeatsAcrossBodies() {
        var person = person("Birgit Mose");
        var first = body("STEERING_GROUP", null);
        var second = body("BOARD", null);
        seat(first, person, "MEMBER", "2022-01-01", "2022-12-31").then().statusCode(201);
        seat(second, person, "OBSERVER", "2022-06-01", null).then().statusCode(201);
        given().get("/api/groups/persons/" + person + "/bodies?on=2022-07-01").then().statusCode(200)
                .body("bodyId", containsInAnyOrder(first.toString(), second.toString()));
        given().get("/api/groups/persons/" + person + "/bodies?on=2023-01-01").then().statusCode(200)
                .body("bodyId", contains(second.toString())).body("[0].role", equalTo("OBSERVER"));
        seat(first, person, "MEMBER", "2022-12-01", null).then().statusCode(422)
                .body("errors[0].field", equalTo("personId"));
    }

    @Test
    void invalidSeatsAndBodies() {
        var body = body("STEERING_GROUP", null);
        var person = person("Hanne Bak");
        seat(body, UUID.randomUUID(), "MEMBER", "2022-01-01", null).then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("personId"));
        seat(body, person, "MEMBER", "2022-01-01", "2021-12-31").then().statusCode(422)
                .body("errors[0].field", equalTo("validTo"));
        seat(body, person, "EMPEROR", "2022-01-01", null).then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors[0].field", equalTo("role"));
        seat(UUID.randomUUID(), person, "MEMBER", "2022-01-01", null).then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
        var seat = seat(body, person, "MEMBER", "2022-01-01", "2022-12-31").then().statusCode(201).extract()
                .path("id").toString();
        given().contentType("application/json").body("""
                {"validTo":"2023-01-31"}""").post(BODIES + "/" + body + "/members/" + seat + "/end").then()
                .statusCode(409).body("type", equalTo("https://kdnet.dk/problems/conflict"));
        given().contentType("application/json").body("""
                {"kind":"BOARD","name":"Orphan","parentBodyId":"%s"}""".formatted(UUID.randomUUID()))
                .post(BODIES).then().statusCode(422).body("errors[0].field", equalTo("parentBodyId"));
        var child = body("WORKING_GROUP", ",\"parentBodyId\":\"" + body + "\"");
        given().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"kind":"STEERING_GROUP","name":"Loop","parentBodyId":"%s"}""".formatted(child))
                .put(BODIES + "/" + body).then().statusCode(422).body("errors[0].field", equalTo("parentBodyId"));
    }

    @Test
    void registeringAndChangingABodyIsPublishedAndAudited() throws Exception {
        var body = body("STEERING_GROUP", ",\"parentBodyId\":\"" + KDNET + "\"");
        given().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"kind":"WORKING_GROUP","name":"Renamed group","shortName":"RG","parentBodyId":"%s",
                 "mandateDocument":"Bilag 3 - Kommissorium"}""".formatted(KDNET))
                .put(BODIES + "/" + body).then().statusCode(200).body("name", equalTo("Renamed group"))
                .body("version", equalTo(1));
        var registered = event(body, "dk.kdnet.groups.body-registered.v1", null);
        assertEquals("STEERING_GROUP", registered.get("kind").asText());
        assertEquals(KDNET.toString(), registered.get("parentBodyId").asText());
        var changed = event(body, "dk.kdnet.groups.body-changed.v1", null);
        assertEquals("WORKING_GROUP", changed.get("kind").asText());
        assertEquals("RG", changed.get("shortName").asText());
        given().get(BODIES + "/" + body + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD"))
                .body("[1].state.mandateDocument", equalTo("Bilag 3 - Kommissorium"))
                .body("[1].correlationId", org.hamcrest.Matchers.notNullValue());
        given().get(BODIES + "/" + KDNET + "/children").then().body("id", hasItem(body.toString()));
    }

    @Test
    void membershipsAreIndexedByBodyAndPeriodForTheMembersOnADateQuery() {
        var index = em.createNativeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'body_membership_on_date'")
                .getSingleResult().toString();
        assertEquals("CREATE INDEX body_membership_on_date ON public.body_membership USING btree (body_id, valid_from, valid_to)",
                index);
    }

    @Test
    void membersOnADateOfAnEmptyBodyAreNoneAndOfAnUnknownBodyNotFound() {
        var body = body("WORKING_GROUP", null);
        given().get(BODIES + "/" + body + "/members?on=2024-01-01").then().statusCode(200).body("$", hasSize(0));
        given().get(BODIES + "/" + UUID.randomUUID() + "/members?on=2024-01-01").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }

    private UUID body(String kind, String extra) {
        return UUID.fromString(given().contentType("application/json").body("""
                {"kind":"%s","name":"Test body %s"%s}""".formatted(kind, UUID.randomUUID(), extra == null ? "" : extra))
                .post(BODIES).then().statusCode(201).extract().path("id").toString());
    }

    private UUID person(String name) {
        return UUID.fromString(given().contentType("application/json").body("""
                {"name":"%s","title":"Direktør"}""".formatted(name))
                .post("/api/groups/persons").then().statusCode(201).extract().path("id").toString());
    }

    private io.restassured.response.Response seat(UUID body, UUID person, String role, String from, String to) {
        return given().contentType("application/json").body("""
                {"personId":"%s","role":"%s","validFrom":"%s"%s}""".formatted(person, role, from,
                to == null ? "" : ",\"validTo\":\"" + to + "\""))
                .post(BODIES + "/" + body + "/members");
    }

    private JsonNode event(UUID body, String type, String membershipId) throws Exception {
        var topic = type.contains("membership") ? "groups.body-memberships" : "groups.bodies";
        var record = KafkaEvents.await(bootstrap, topic, r -> body.toString().equals(r.key())
                && type.equals(KafkaEvents.header(r, "ce_type"))
                && (membershipId == null || r.value().contains(membershipId)));
        var data = json.readTree(record.value());
        assertEquals(body.toString(), data.get("bodyId").asText());
        return data;
    }
}
