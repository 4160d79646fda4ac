package dk.kdnet.economy.scheme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.charge.Fixtures;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scheme is changed only by whoever read its current version: ETag on reads, If-Match on the PUT. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class SchemeConcurrencyTest extends AsSecretariat {

    private static final UUID OWNER = UUID.randomUUID();

    @Inject
    EntityManager em;

    private final UUID aarhus = ReferenceIds.organization("aarhus");
    private final UUID lemvig = ReferenceIds.organization("lemvig");

    /** What a change of an approved scheme touches: the scheme, its audit trail, its charges and their events. */
    private record Snapshot(String scheme, int auditRows, long chargeVersions, long events) {}

    @BeforeEach
    void organizationsAreKnown() {
        Fixtures.knowOrganizations(em, List.of("aarhus", "lemvig"));
    }

    @Test
    void aReadCarriesTheVersionAsItsETagAndAnUnchangedOneIs304() {
        var created = given().contentType(ContentType.JSON).body(request(1001)).post("/api/economy/schemes").then()
                .statusCode(201).extract();
        assertEquals("\"" + created.jsonPath().getLong("version") + "\"", created.header("ETag"));
        var path = "/api/economy/schemes/" + created.jsonPath().getString("id");

        var read = given().get(path).then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + read.jsonPath().getLong("version") + "\"", etag);
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "\"" + (read.jsonPath().getLong("version") + 1) + "\"").get(path).then()
                .statusCode(200).header("ETag", etag);
    }

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        var id = approvedScheme();
        var before = snapshot(id);

        given().contentType(ContentType.JSON).body(request(3000)).put("/api/economy/schemes/" + id).then()
                .statusCode(428).contentType("application/problem+json")
                .body("type", endsWith("precondition-required"));

        assertEquals(before, snapshot(id));
    }

    @Test
    void aChangeBasedOnAStaleVersionIs412AndChangesNothing() {
        var id = approvedScheme();
        var stale = given().get("/api/economy/schemes/" + id).then().statusCode(200).extract().header("ETag");
        var current = given().contentType(ContentType.JSON).header("If-Match", stale).body(request(2000))
                .put("/api/economy/schemes/" + id).then().statusCode(200).extract().header("ETag");
        var before = snapshot(id);

        given().contentType(ContentType.JSON).header("If-Match", stale).body(request(3000))
                .put("/api/economy/schemes/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("precondition-failed"));

        assertNotEquals(stale, current);
        assertEquals(before, snapshot(id));
    }

    @Test
    void aChangeBasedOnTheCurrentVersionIsMadeAndAnswersTheNextVersionsETag() {
        var id = approvedScheme();
        var read = given().get("/api/economy/schemes/" + id).then().statusCode(200).extract();
        var version = read.jsonPath().getLong("version");
        var before = snapshot(id);

        var changed = given().contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(request(3000)).put("/api/economy/schemes/" + id).then().statusCode(200)
                .body("total", equalTo(3000)).extract();

        // The definition and the recalculated totals are written in two steps, so the version may grow by more than 1.
        var next = changed.jsonPath().getLong("version");
        assertTrue(next > version, next + " after " + version);
        assertEquals("\"" + next + "\"", changed.header("ETag"));
        given().get("/api/economy/schemes/" + id).then().statusCode(200).header("ETag", changed.header("ETag"));
        var after = snapshot(id);
        assertEquals(before.auditRows() + 1, after.auditRows());
        assertEquals(before.chargeVersions() + 2, after.chargeVersions());
        assertEquals(before.events() + 2, after.events());
    }

    private String approvedScheme() {
        var id = given().contentType(ContentType.JSON).body(request(1001)).post("/api/economy/schemes").then()
                .statusCode(201).extract().jsonPath().getString("id");
        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve").then()
                .statusCode(200);
        return id;
    }

    private Snapshot snapshot(String id) {
        var scheme = given().get("/api/economy/schemes/" + id).then().statusCode(200).extract().asString();
        var auditRows = given().get("/api/economy/schemes/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
        return QuarkusTransaction.requiringNew().call(() -> new Snapshot(scheme, auditRows,
                count("""
                        SELECT count(*) FROM charge_version v JOIN charge c ON c.id = v.charge_id
                        WHERE c.scheme_id = CAST(?1 AS uuid)""", id),
                count("SELECT count(*) FROM outbox_event WHERE data->>'schemeId' = ?1", id)));
    }

    private long count(String sql, String id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    private String request(int sharedTotal) {
        return """
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"Concurrency test","year":2024,
                 "budgetMode":"FIXED_TOTAL","rounding":"HALF_UP","sharedTotal":%d,
                 "components":[{"kind":"EQUAL_SHARE","percent":100}],
                 "members":[{"organizationId":"%s"},{"organizationId":"%s"}]}"""
                .formatted(OWNER, sharedTotal, aarhus, lemvig);
    }
}
