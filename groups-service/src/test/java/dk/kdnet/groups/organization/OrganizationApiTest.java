package dk.kdnet.groups.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class OrganizationApiTest extends AsSecretariat {

    private static final String ORGANIZATIONS = "/api/groups/organizations";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aListSortsByTheKeyAskedForAndRefusesAnUnknownOne() {
        List<String> byCode = given().queryParam("kind", "MUNICIPALITY").queryParam("sort", "municipalityCode")
                .queryParam("size", 200).get(ORGANIZATIONS).then().statusCode(200).extract()
                .path("items.municipalityCode");
        var codes = byCode.stream().filter(Objects::nonNull).toList();
        assertTrue(codes.size() >= 19, "the reference municipalities have codes");
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals(codes, byCode.subList(0, codes.size()), "without a code last");
        List<String> byCodeDescending = given().queryParam("kind", "MUNICIPALITY")
                .queryParam("sort", "-municipalityCode").queryParam("size", 200).get(ORGANIZATIONS).then()
                .statusCode(200).extract().path("items.municipalityCode");
        assertEquals(codes.reversed(), byCodeDescending.stream().filter(Objects::nonNull).toList());

        List<String> byName = given().queryParam("sort", "name").queryParam("size", 200).get(ORGANIZATIONS).then()
                .statusCode(200).extract().path("items.name");
        List<String> byNameDescending = given().queryParam("sort", "-name").queryParam("size", 200).get(ORGANIZATIONS)
                .then().statusCode(200).extract().path("items.name");
        assertEquals(byName.reversed(), byNameDescending);
        assertEquals(byName, given().queryParam("size", 200).get(ORGANIZATIONS).then().extract().path("items.name"),
                "by name unless asked otherwise");

        given().queryParam("sort", "population").get(ORGANIZATIONS).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", equalTo("must be one of name, municipalityCode, each with - in front for "
                        + "descending; was population"));
    }

    @Test
    void referenceDataHasTheNineteenMunicipalitiesAndTheRegion() {
        given().queryParam("size", 50).get(ORGANIZATIONS).then().statusCode(200)
                .body("items.findAll { it.kind == 'MUNICIPALITY' && it.municipalityCode != null }.size()",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(19))
                .body("items.find { it.municipalityCode == '751' }.name", equalTo("Aarhus Kommune"))
                .body("items.find { it.kind == 'REGION' }.name", equalTo("Region Midtjylland"));
        var aarhus = ReferenceIds.organization("aarhus");
        given().get(ORGANIZATIONS + "/" + aarhus + "/population?on=2023-06-30").then().statusCode(200)
                .body("count", equalTo(361544)).body("referenceDate", equalTo("2023-01-01"));
    }

    @Test
    void registeringPublishesAnEventKeyedByTheOrganization() throws Exception {
        var code = UnusedMunicipalityCodes.next();
        var id = given().contentType("application/json")
                .body("""
                        {"kind":"MUNICIPALITY","name":"Testby Kommune","shortName":"Testby",
                         "municipalityCode":"%s","cvr":"55133018","ean":"5798005770008"}""".formatted(code))
                .post(ORGANIZATIONS).then().statusCode(201)
                .header("Location", containsString(ORGANIZATIONS + "/"))
                .body("name", equalTo("Testby Kommune")).body("cvr", equalTo("55133018"))
                .extract().path("id").toString();

        given().get(ORGANIZATIONS + "/" + id).then().statusCode(200).body("municipalityCode", equalTo(code));

        var record = awaitEvent(id, "dk.kdnet.groups.organization-registered.v1");
        var data = new ObjectMapper().readTree(record.value());
        assertEquals(id, data.get("organizationId").asText());
        assertEquals("Testby Kommune", data.get("name").asText());
        assertEquals(code, data.get("municipalityCode").asText());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(id, header(record, "ce_subject"));
        assertEquals("/kdnet/groups-service", header(record, "ce_source"));
    }

    @Test
    void changingPublishesTheWholeNewStateAndIsAudited() throws Exception {
        var id = register("OTHER", "Change Test " + ThreadLocalRandom.current().nextInt(), null);
        given().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"kind":"MUNICIPALITY","name":"Changed Association","municipalityCode":"751"}""")
                .put(ORGANIZATIONS + "/" + id).then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));
        given().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"kind":"ASSOCIATION","name":"Changed Association","shortName":"CA"}""")
                .put(ORGANIZATIONS + "/" + id).then().statusCode(200)
                .body("kind", equalTo("ASSOCIATION")).body("version", equalTo(1));

        var record = awaitEvent(id, "dk.kdnet.groups.organization-changed.v1");
        var data = new ObjectMapper().readTree(record.value());
        assertEquals("Changed Association", data.get("name").asText());
        assertEquals("ASSOCIATION", data.get("kind").asText());
        assertEquals("CA", data.get("shortName").asText());
        given().get(ORGANIZATIONS + "/" + id + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD")).body("[1].state.name", equalTo("Changed Association"));
    }

    @Test
    void populationFigureInForceOnADate() throws Exception {
        var id = register("OTHER", "Population Test " + ThreadLocalRandom.current().nextInt(), null);
        given().contentType("application/json").body("""
                {"referenceDate":"2022-01-01","count":1000,"source":"Danmarks Statistik"}""")
                .post(ORGANIZATIONS + "/" + id + "/populations").then().statusCode(201).body("count", equalTo(1000));
        given().contentType("application/json").body("""
                {"referenceDate":"2023-01-01","count":1100,"source":"Danmarks Statistik"}""")
                .post(ORGANIZATIONS + "/" + id + "/populations").then().statusCode(201);

        given().get(ORGANIZATIONS + "/" + id + "/population?on=2022-12-31").then().statusCode(200)
                .body("count", equalTo(1000));
        given().get(ORGANIZATIONS + "/" + id + "/population?on=2023-01-01").then().statusCode(200)
                .body("count", equalTo(1100));
        given().get(ORGANIZATIONS + "/" + id + "/population?on=2021-06-01").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
        given().get(ORGANIZATIONS + "/" + id + "/populations").then().statusCode(200)
                .body("count", contains(1000, 1100));

        var record = awaitEvent(id, "dk.kdnet.groups.population-recorded.v1");
        assertEquals(id, record.key());
        var data = new ObjectMapper().readTree(record.value());
        assertEquals("2022-01-01", data.get("referenceDate").asText());
        assertEquals(1000, data.get("count").asLong());
    }

    @Test
    void invalidFieldsAreOneProblemWithAnEntryPerField() {
        given().contentType("application/json")
                .body("""
                        {"kind":"MUNICIPALITY","name":"","municipalityCode":"12","cvr":"12345678","ean":"5798005770009"}""")
                .post(ORGANIZATIONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", contains("cvr", "ean", "municipalityCode", "name"));
    }

    @Test
    void wrongTypesAndUnknownValuesNameTheField() {
        given().contentType("application/json").body("""
                {"kind":"PLANET","name":"x"}""")
                .post(ORGANIZATIONS).then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("MUNICIPALITY"));
        given().contentType("application/json").body("""
                {"referenceDate":"2023-13-01","count":5,"source":"x"}""")
                .post(ORGANIZATIONS + "/" + ReferenceIds.organization("aarhus") + "/populations").then()
                .statusCode(400).body("errors[0].field", equalTo("referenceDate"));
        given().get(ORGANIZATIONS + "/" + ReferenceIds.organization("aarhus") + "/population?on=garbage").then()
                .statusCode(400).body("type", equalTo("https://kdnet.dk/problems/validation"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json").body("{\"kind\": ").post(ORGANIZATIONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/malformed-request"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType("text/plain").body("Aarhus").post(ORGANIZATIONS).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/unsupported-media-type"));
    }

    @Test
    void unknownIdIs404() {
        given().get(ORGANIZATIONS + "/7f000000-0000-0000-0000-000000000001").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/not-found"))
                .body("detail", containsString("7f000000-0000-0000-0000-000000000001"));
        given().get("/api/groups/no-such-thing").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }

    @Test
    void duplicateMunicipalityCodeIs409AndChangesNothing() {
        var before = given().queryParam("size", 1).get(ORGANIZATIONS).then().extract().path("total");
        given().contentType("application/json").body("""
                {"kind":"MUNICIPALITY","name":"Another Aarhus","municipalityCode":"751"}""")
                .post(ORGANIZATIONS).then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("detail", containsString("751"));
        given().queryParam("size", 1).get(ORGANIZATIONS).then().body("total", equalTo(before));
    }

    @Test
    void municipalityWithoutCodeBreaksARule() {
        given().contentType("application/json").body("""
                {"kind":"MUNICIPALITY","name":"Nameless Kommune"}""")
                .post(ORGANIZATIONS).then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("municipalityCode"));
    }

    @Test
    void unexpectedErrorsNeverShowAStackTrace() {
        given().get(ORGANIZATIONS + "?size=0").then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors.field", hasItem("size"))
                .body(not(containsString("Exception")))
                .body("errorId", nullValue());
        given().queryParam("size", 2).get(ORGANIZATIONS).then().statusCode(200).body("items", hasSize(2));
    }

    private String register(String kind, String name, String code) {
        return given().contentType("application/json")
                .body(code == null ? """
                        {"kind":"%s","name":"%s"}""".formatted(kind, name) : """
                        {"kind":"%s","name":"%s","municipalityCode":"%s"}""".formatted(kind, name, code))
                .post(ORGANIZATIONS).then().statusCode(201).extract().path("id").toString();
    }

    private ConsumerRecord<String, String> awaitEvent(String key, String type) {
        return KafkaEvents.await(bootstrap, "groups.organizations",
                r -> key.equals(r.key()) && type.equals(KafkaEvents.header(r, "ce_type")));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaEvents.header(record, name);
    }
}
