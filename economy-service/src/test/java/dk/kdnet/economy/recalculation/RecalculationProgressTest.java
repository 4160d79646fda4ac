package dk.kdnet.economy.recalculation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.charge.Cause;
import dk.kdnet.economy.charge.ChargeService;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.Scheme.Status;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A recalculation is visible while it runs (state, schemes done of total, metric) and says how it ended. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class RecalculationProgressTest extends AsSecretariat {

    @Inject
    ChargeService charges;

    @Test
    void runningWithAllSchemesDoneBeforeTheCommitThenDone() {
        var cause = new Cause(UUID.randomUUID(), "dk.kdnet.test.recalculation-" + UUID.randomUUID() + ".v1", null);
        var schemes = approvedSchemes();
        assertTrue(schemes > 1, "the reference data has approved schemes: " + schemes);
        var seen = new Object() {
            Map<String, Object> whileRunning;
            String metrics;
        };
        QuarkusTransaction.requiringNew().run(() -> {
            charges.recalculate(Scheme.list("status", Status.APPROVED), cause);
            // Not committed yet: another transaction (the API's) sees it running, every scheme calculated.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                seen.whileRunning = byCause(given().queryParam("state", "RUNNING")
                        .get("/api/economy/recalculations"), cause.eventType());
                assertEquals(schemes, seen.whileRunning.get("done"));
            });
            seen.metrics = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        });
        assertEquals("RUNNING", seen.whileRunning.get("state"));
        assertEquals(schemes, seen.whileRunning.get("done"));
        assertEquals(schemes, seen.whileRunning.get("total"));
        assertNull(seen.whileRunning.get("finishedAt"));
        assertEquals(cause.eventId().toString(), ((Map<?, ?>) seen.whileRunning.get("cause")).get("eventId"));
        assertTrue(gauge(seen.metrics, "kdnet_recalculation_running") >= 1, seen.metrics);
        assertTrue(gauge(seen.metrics, "kdnet_recalculation_schemes_done") >= schemes);
        assertTrue(gauge(seen.metrics, "kdnet_recalculation_schemes_planned") >= schemes);

        var id = seen.whileRunning.get("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/economy/recalculations/{id}", id)
                .then().statusCode(200).body("state", equalTo("DONE")));
        var done = given().get("/api/economy/recalculations/{id}", id).then().extract().jsonPath();
        assertEquals(schemes, done.getInt("done"));
        assertEquals(schemes, done.getInt("total"));
        assertEquals(cause.eventType(), done.getString("cause.eventType"));
        assertNotNull(done.getString("startedAt"));
        assertTrue(done.getString("finishedAt").compareTo(done.getString("startedAt")) >= 0, done.prettify());
    }

    @Test
    void aRolledBackRecalculationIsFailed() {
        var cause = new Cause(null, "dk.kdnet.test.recalculation-" + UUID.randomUUID() + ".v1", null);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            charges.recalculate(Scheme.list("status", Status.APPROVED), cause);
            throw new IllegalStateException("the commit fails");
        }));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals("FAILED",
                byCause(given().queryParam("state", "FAILED").queryParam("size", 200)
                        .get("/api/economy/recalculations"), cause.eventType()).get("state")));
    }

    /** Below kdnet.economy.recalculation.shown-from schemes: no record while it runs, DONE as soon as it commits. */
    @Test
    void aRecalculationOfOneSchemeIsRecordedDoneWithItsCommit() {
        var cause = new Cause(UUID.randomUUID(), "dk.kdnet.test.recalculation-" + UUID.randomUUID() + ".v1", null);
        QuarkusTransaction.requiringNew().run(() -> {
            charges.recalculate(List.of(Scheme.<Scheme>find("status", Status.APPROVED).firstResult()), cause);
            assertEquals(List.of(), given().queryParam("state", "RUNNING").get("/api/economy/recalculations")
                    .then().statusCode(200).extract().jsonPath().getList("items.cause.eventType")
                    .stream().filter(cause.eventType()::equals).toList());
        });
        // No waiting: the record is committed with the recalculation.
        var done = byCause(given().queryParam("state", "DONE").get("/api/economy/recalculations"), cause.eventType());
        assertEquals(1, done.get("done"));
        assertEquals(1, done.get("total"));
        assertEquals(cause.eventId().toString(), ((Map<?, ?>) done.get("cause")).get("eventId"));
        assertTrue(((String) done.get("finishedAt")).compareTo((String) done.get("startedAt")) >= 0, done.toString());

        var failed = new Cause(null, "dk.kdnet.test.recalculation-" + UUID.randomUUID() + ".v1", null);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            charges.recalculate(List.of(Scheme.<Scheme>find("status", Status.APPROVED).firstResult()), failed);
            throw new IllegalStateException("the commit fails");
        }));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(1,
                byCause(given().queryParam("state", "FAILED").queryParam("size", 200)
                        .get("/api/economy/recalculations"), failed.eventType()).get("total")));
    }

    @Test
    void theSecretariatsOnly() {
        given().auth().oauth2(member()).get("/api/economy/recalculations").then().statusCode(403);
        given().auth().none().get("/api/economy/recalculations").then().statusCode(401);
        given().get("/api/economy/recalculations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("state", "SLEEPING").get("/api/economy/recalculations").then().statusCode(400);
    }

    private static int approvedSchemes() {
        return QuarkusTransaction.requiringNew().call(() -> (int) Scheme.count("status", Status.APPROVED));
    }

    private static Map<String, Object> byCause(io.restassured.response.Response response, String eventType) {
        JsonPath page = response.then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> eventType.equals(((Map<?, ?>) i.get("cause")).get("eventType")))
                .findFirst().orElseThrow(() -> new AssertionError("no recalculation caused by " + eventType + ": "
                        + page.prettify()));
    }

    private static double gauge(String metrics, String name) {
        var sample = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertTrue(sample.find(), name + " missing");
        return Double.parseDouble(sample.group(2));
    }
}
