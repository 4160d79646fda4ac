package dk.kdnet.system;

import static io.restassured.RestAssured.given;

import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.contract.ContractRecorder;
import dk.kdnet.testing.contract.Exchange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The calls the flow tests make, all through the gateway: the secretariat's writes and the reads that show
 * memberships and charges. Shared by the end-to-end, fault and consumer-group tests and the flow benchmark.
 */
final class FlowApi {

    static final String SECRETARIAT = TestInfrastructure.tokens().forRole("secretariat");
    static final String WITHDRAWAL = "COLLABORATION_WITHDRAWAL";
    static final String JOIN = "COLLABORATION_JOIN";

    private static final java.util.concurrent.atomic.AtomicInteger MEETINGS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** With seconds, as the document's date-time requires (OffsetDateTime.toString leaves out :00). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowApi() {}

    /** Set by the flow bench: {@link #call} then goes there without checking the exchange against the OpenAPI. */
    static volatile String timedGateway;

    record Answer(int status, JsonNode body) {}

    /**
     * A call of the timed path, with a plain HTTP client: RestAssured costs milliseconds of the test JVM's CPU per
     * call, which on 2 cores it takes from the services being measured.
     */
    static Answer call(String method, String path, Object body, String correlationId) {
        var base = timedGateway != null ? timedGateway : RestAssured.baseURI + ":" + RestAssured.port;
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + SECRETARIAT).timeout(Duration.ofSeconds(30));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        try {
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            var json = body == null ? null : JSON.writeValueAsString(body);
            var publisher = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json);
            var sent = request.method(method, publisher).build();
            var response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            if (timedGateway == null) {
                // Checked against the merged OpenAPI like RestAssured's calls; not while the flow bench times them.
                ContractRecorder.check(sent.uri(), new Exchange(method, sent.uri().getRawPath(),
                        json == null ? null : "application/json", json, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        text.getBytes(StandardCharsets.UTF_8)));
            }
            return new Answer(response.statusCode(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification write() {
        return given().auth().oauth2(SECRETARIAT).contentType(ContentType.JSON);
    }

    /** A charge row as the gateway shows it. */
    record ChargeRow(UUID id, UUID organizationId, long amount) {}

    /** The charges of a scheme and year by organization, with the scheme total. */
    record Charges(long schemeTotal, long sumOfRows, Map<UUID, ChargeRow> rows) {

        long amount(UUID organizationId) {
            var row = rows.get(organizationId);
            return row == null ? 0 : row.amount();
        }
    }

    static Charges charges(UUID schemeId, int year) {
        var rows = new LinkedHashMap<UUID, ChargeRow>();
        for (var page = 0; ; page++) {
            var json = given().queryParam("scheme", schemeId).queryParam("year", year).queryParam("page", page)
                    .get("/api/economy/charges").then().statusCode(200).extract().jsonPath();
            var items = json.<Map<String, Object>>getList("items");
            for (Map<String, Object> item : items) {
                var organizationId = UUID.fromString((String) item.get("organizationId"));
                rows.put(organizationId, new ChargeRow(UUID.fromString((String) item.get("id")), organizationId,
                        ((Number) item.get("amount")).longValue()));
            }
            // Past the last page too: rows that moved between pages while the flow changed them are then missing,
            // and a caller waiting for the flow to settle sees a mismatch and reads again (it had paged on forever).
            if (rows.size() >= json.getLong("total") || items.isEmpty()) {
                return new Charges(json.getLong("schemeTotal"), json.getLong("sumOfRows"), rows);
            }
        }
    }

    static List<Map<String, Object>> versions(UUID chargeId) {
        return given().get("/api/economy/charges/" + chargeId + "/versions").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    static JsonPath membership(UUID collaborationId, UUID organizationId) {
        return given().get("/api/groups/collaborations/" + collaborationId + "/members/" + organizationId).then()
                .statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> effect(String kind, UUID organizationId, UUID collaborationId, LocalDate date) {
        var effect = new HashMap<String, Object>();
        effect.put("kind", kind);
        effect.put("organizationId", organizationId.toString());
        effect.put("collaborationId", collaborationId.toString());
        effect.put("date", date.toString());
        effect.put("reason", kind.equals(WITHDRAWAL) ? "notice given at the meeting" : "joins by decision");
        return effect;
    }

    /** An APPOINTMENT effect: the person takes a seat of {@code role} in the body from {@code from}, open-ended. */
    static Map<String, Object> appointment(UUID personId, String role, UUID bodyId, LocalDate from) {
        return Map.of("kind", "APPOINTMENT", "personId", personId.toString(), "seat", role, "bodyId",
                bodyId.toString(), "date", from.toString());
    }

    /** A BUDGET_APPROVED effect naming only the year: the deciding body's budget of that year. */
    static Map<String, Object> budgetApproval(int year) {
        return Map.of("kind", "BUDGET_APPROVED", "year", year);
    }

    static UUID person(String name) {
        return UUID.fromString(write().body(Map.of("name", name)).post("/api/groups/persons").then().statusCode(201)
                .extract().path("id"));
    }

    /** A budget of the body for the year, proposed for approval. */
    static UUID proposedBudget(UUID bodyId, int year) {
        var id = write().body(Map.of("ownerKind", "BODY", "ownerId", bodyId.toString(), "year", year, "kind", "BUDGET",
                "title", "KD-Net budget " + year, "carriedIn", 0, "lines",
                List.of(Map.of("label", "Kommunale bidrag", "side", "INCOME", "amount", 7_818_880))))
                .post("/api/economy/budgets").then().statusCode(201).extract().<String>path("id");
        write().body(Map.of("to", "PROPOSED")).post("/api/economy/budgets/" + id + "/transitions").then()
                .statusCode(200);
        return UUID.fromString(id);
    }

    /** The person holding the body's CHAIR seat on a date, or null. */
    static String chairOn(UUID bodyId, LocalDate on) {
        return given().queryParam("on", on.toString()).get("/api/groups/bodies/" + bodyId + "/members").then()
                .statusCode(200).extract().path("find { it.role == 'CHAIR' }.personId");
    }

    /** The first version of a budget as /versions shows it. */
    static JsonPath budgetVersion(UUID budgetId) {
        return given().get("/api/economy/budgets/" + budgetId + "/versions").then().statusCode(200).extract()
                .jsonPath().setRootPath("[0]");
    }

    /** Records the decision on an item through the gateway; returns the decision's id. */
    static UUID decide(UUID itemId, String correlationId, List<Map<String, Object>> effects) {
        return decide(itemId, correlationId, null, effects);
    }

    /** As above, in the caller's trace (a W3C traceparent). */
    static UUID decide(UUID itemId, String correlationId, String traceparent, List<Map<String, Object>> effects) {
        var request = write().header("X-Correlation-Id", correlationId);
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        return UUID.fromString(request
                .body(Map.of("outcome", "APPROVED", "text", "KD-Net tog beslutningen til efterretning.",
                        "effects", effects))
                .put("/api/meetings/items/" + itemId + "/decision").then().statusCode(200).extract().path("id"));
    }

    /** An organization of the test's own (OTHER: a municipality would need one of the 98 municipality codes). */
    static UUID organization(String name) {
        return UUID.fromString(write().body(Map.of("kind", "OTHER", "name", name))
                .post("/api/groups/organizations").then().statusCode(201).extract().path("id"));
    }

    /**
     * A collaboration with terms: notice takes effect on the first day of the month after it is given (no
     * further months), so every month of notice gives a different charge.
     */
    static UUID collaboration(String name) {
        var id = UUID.fromString(write().body(Map.of("name", name, "validFrom", "2020-01-01"))
                .post("/api/groups/collaborations").then().statusCode(201).extract().path("id"));
        write().body(Map.of("version", "1", "validFrom", "2020-01-01", "noticeMonths", 0,
                "noticeCountedFrom", "MONTH_OF_NOTICE", "budgetMode", "VARIABLE"))
                .post("/api/groups/collaborations/" + id + "/terms").then().statusCode(201);
        return id;
    }

    static void join(UUID collaborationId, UUID organizationId, LocalDate joinedOn) {
        write().body(Map.of("organizationId", organizationId.toString(), "joinedOn", joinedOn.toString()))
                .post("/api/groups/collaborations/" + collaborationId + "/members").then().statusCode(201);
    }

    /**
     * A VARIABLE scheme of the collaboration for {@code year}: an equal share of 12,000 kr a year (1,000 kr a month)
     * for each of the approved members; members joining later pay the same unit price for their months.
     */
    static UUID approvedScheme(UUID collaborationId, String name, int year, List<UUID> approvedMembers) {
        var members = approvedMembers.stream().map(m -> Map.of("organizationId", m.toString())).toList();
        var scheme = Map.of("ownerKind", "COLLABORATION", "ownerId",
                collaborationId.toString(), "name", name, "year", year, "budgetMode", "VARIABLE", "rounding", "HALF_UP",
                "sharedTotal", 12_000L * approvedMembers.size(), "components",
                List.of(Map.of("kind", "EQUAL_SHARE", "percent", 100)), "members", members);
        // Organizations registered a moment ago reach economy-service by event: until then it refuses them (422,
        // nothing stored), as it would any client's.
        var created = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> write().body(scheme).post("/api/economy/schemes"), r -> r.statusCode() != 422);
        var id = UUID.fromString(created.then().statusCode(201).extract().path("id"));
        write().body("{}").post("/api/economy/schemes/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** A reference organization by its name, looked up as a client would. */
    static UUID organizationNamed(String name) {
        return UUID.fromString(given().queryParam("size", 200).get("/api/groups/organizations").then().statusCode(200)
                .extract().path("items.find { it.name == '%s' }.id".formatted(name)));
    }

    static UUID collaborationNamed(String name) {
        return UUID.fromString(given().queryParam("size", 200).get("/api/groups/collaborations").then().statusCode(200)
                .extract().path("items.find { it.name == '%s' }.id".formatted(name)));
    }

    /** The KD-Net meeting held on a date (reference data). */
    static JsonPath meetingOn(LocalDate date) {
        return given().queryParam("from", date.toString()).queryParam("to", date.toString()).get("/api/meetings").then()
                .statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    static UUID item(UUID meetingId, int number) {
        return UUID.fromString(given().get("/api/meetings/" + meetingId + "/items").then().statusCode(200).extract()
                .path("find { it.number == %d }.id".formatted(number)));
    }

    /** A held meeting of KD-Net with {@code items} agenda items, ready for decisions; returns the items' ids. */
    static UUID kdnet() {
        return UUID.fromString(meetingOn(LocalDate.parse("2023-08-25")).getString("bodyId"));
    }

    static List<UUID> heldMeeting(String title, int items) {
        // One day apart, so the meetings of several runs in a JVM do not coincide.
        var startsAt = OffsetDateTime.parse("2027-01-15T10:00:00+01:00").plusDays(MEETINGS.getAndIncrement());
        var kdnet = kdnet().toString();
        var meeting = UUID.fromString(write().body(Map.of("bodyId", kdnet, "title",
                title, "kind", "ORDINARY", "startsAt", RFC_3339.format(startsAt), "endsAt",
                RFC_3339.format(startsAt.plusHours(3)),
                "location", Map.of("kind", "PLACE", "place", "Scandic Silkeborg")))
                .post("/api/meetings").then().statusCode(201).extract().path("id"));
        var ids = new ArrayList<UUID>();
        for (var i = 1; i <= items; i++) {
            ids.add(UUID.fromString(write().body(Map.of("title", "Medlemskab " + i))
                    .post("/api/meetings/" + meeting + "/items").then().statusCode(201).extract().path("id")));
        }
        write().post("/api/meetings/" + meeting + "/publish-agenda").then().statusCode(200);
        write().post("/api/meetings/" + meeting + "/hold").then().statusCode(200);
        return ids;
    }
}
