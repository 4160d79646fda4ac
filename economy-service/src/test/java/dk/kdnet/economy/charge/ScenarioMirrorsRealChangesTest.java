package dk.kdnet.economy.charge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import dk.kdnet.events.groups.PopulationRecorded;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A scenario is the real rules run on a copy: random sequences of changes (seeded; the seed is in every failure
 * message, and {@code -Dscenario.seed=N} replays one) are applied (a) as a scenario and (b) for real on a scratch
 * collaboration (groups-service's membership and population events, a PUT of the scheme), and after every step the
 * charges equal the scenario's rows to the krone, component by component.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ScenarioMirrorsRealChangesTest extends AsSecretariat {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final LocalDate JAN_1_2023 = LocalDate.of(2023, 1, 1);
    private static final LocalDate FOUNDED = LocalDate.of(2021, 1, 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void randomSequencesGiveTheSameChargesAsScenarioAndForReal() throws Exception {
        var seeds = System.getProperty("scenario.seed") != null
                ? List.of(Long.parseLong(System.getProperty("scenario.seed")))
                : List.of(new Random().nextLong(), new Random().nextLong(), new Random().nextLong());
        for (var seed : seeds) {
            var random = new Random(seed);
            var world = World.create(this, random);
            var changes = world.randomChanges(random, 4 + random.nextInt(5));
            world.replay(changes, "seed " + seed);
        }
    }

    /** The example: a member leaves on 1 Jan 2024 and joins again on 13 March with its population. */
    @Test
    void aMemberLeavingAndJoiningAgainPaysTenTwelfthsAsScenarioAndForReal() throws Exception {
        var world = World.create(this, new Random(1));
        var member = world.members.getFirst();
        var changes = List.<Map<String, Object>>of(
                Map.of("type", "LEAVE", "organizationId", member.toString(), "on", "2024-01-01"),
                Map.of("type", "JOIN", "organizationId", member.toString(), "on", "2024-03-13",
                        "population", world.populations.get(member)));
        var rows = world.replay(changes, "leave and join again");
        assertEquals(10, rows.get(member.toString()).months());
    }

    /** What a charge is, component by component, as compared. */
    record Line(BigDecimal amount, int months, Map<String, BigDecimal> components, Long population) {

        static Line of(BigDecimal amount, JsonNode breakdown) {
            var components = new TreeMap<String, BigDecimal>();
            breakdown.get("components").forEach(c -> components.put(c.get("kind").asText(),
                    c.get("exact").decimalValue().stripTrailingZeros()));
            var population = breakdown.get("population");
            return new Line(amount.stripTrailingZeros(), breakdown.get("months").asInt(), components,
                    population == null || population.isNull() ? null : population.asLong());
        }
    }

    /** A scratch collaboration with its scheme, and what the generator knows of it. */
    static final class World {
        final ScenarioMirrorsRealChangesTest test;
        final UUID collaboration = UUID.randomUUID();
        final UUID region;
        final List<UUID> members = new ArrayList<>();
        final List<UUID> outsiders = new ArrayList<>();
        final Map<UUID, Long> populations = new HashMap<>();
        // The generator's model of the roster: the exit of each member's latest membership (null: none), and the
        // day each joined last; absent: not a member.
        final Map<UUID, LocalDate> exits = new LinkedHashMap<>();
        final Map<UUID, LocalDate> joined = new HashMap<>();
        final Map<UUID, Boolean> member = new HashMap<>();
        UUID scheme;
        String mode;

        private World(ScenarioMirrorsRealChangesTest test, UUID region) {
            this.test = test;
            this.region = region;
        }

        static World create(ScenarioMirrorsRealChangesTest test, Random random) {
            var world = new World(test, test.organization(1_300_000));
            for (var i = 0; i < 5; i++) {
                var population = 20_000L + random.nextInt(330_000);
                var id = test.organization(population);
                world.members.add(id);
                world.populations.put(id, population);
            }
            for (var i = 0; i < 2; i++) {
                var population = 20_000L + random.nextInt(330_000);
                var id = test.organization(population);
                world.outsiders.add(id);
                world.populations.put(id, population);
            }
            world.mode = random.nextBoolean() ? "VARIABLE" : "FIXED_TOTAL";
            var equal = 10 + random.nextInt(30);
            var rounding = List.of("HALF_UP", "BALANCING_ROW", "LARGEST_REMAINDER").get(random.nextInt(3));
            var membersJson = world.members.stream().map(m -> "{\"organizationId\":\"" + m + "\"}").toList();
            var request = """
                    {"ownerKind":"COLLABORATION","ownerId":"%s","name":"Scratch","year":2024,"budgetMode":"%s",
                     "rounding":"%s","sharedTotal":%d,"indexation":1,
                     "components":[{"kind":"EQUAL_SHARE","percent":%d},
                                   {"kind":"BY_POPULATION","percent":%d,"referenceDate":"2023-01-01"},
                                   {"kind":"RATIO_OF_TOTAL","organizationId":"%s","numerator":254300,"denominator":2266473}],
                     "members":%s,"corrections":[]}""".formatted(world.collaboration, world.mode, rounding,
                    500_000 + random.nextInt(2_500_000), equal, 100 - equal, world.region, membersJson);
            world.scheme = UUID.fromString(given().contentType(ContentType.JSON).body(request)
                    .post("/api/economy/schemes").then().statusCode(201).extract().jsonPath().getString("id"));
            given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + world.scheme + "/approve")
                    .then().statusCode(200);
            var all = new ArrayList<>(world.members);
            all.add(world.region);
            all.forEach(m -> ProducedEvents.send(test.bootstrap, new CollaborationMemberJoined(world.collaboration, m,
                    UUID.randomUUID(), FOUNDED, null)));
            await().atMost(Duration.ofSeconds(30)).until(() -> given()
                    .get("/api/economy/collaborations/" + world.collaboration + "/memberships").then().extract()
                    .jsonPath().getList("$").size() == all.size());
            world.members.forEach(m -> {
                world.member.put(m, true);
                world.exits.put(m, null);
                world.joined.put(m, FOUNDED);
            });
            return world;
        }

        /** A valid sequence: each change one the real API accepts at its point, as groups-service would. */
        List<Map<String, Object>> randomChanges(Random random, int count) {
            var changes = new ArrayList<Map<String, Object>>();
            while (changes.size() < count) {
                var change = new LinkedHashMap<String, Object>();
                switch (random.nextInt(9)) {
                    case 0 -> {
                        // Someone must stay to carry a fixed total.
                        var leavers = exits.entrySet().stream()
                                .filter(e -> member.getOrDefault(e.getKey(), false) && e.getValue() == null)
                                .map(Map.Entry::getKey).toList();
                        if (leavers.size() <= 2) {
                            continue;
                        }
                        var who = leavers.get(random.nextInt(leavers.size()));
                        var exit = day(random, joined.get(who).isBefore(LocalDate.of(2024, 1, 1))
                                ? LocalDate.of(2024, 1, 1) : joined.get(who).plusDays(1));
                        exits.put(who, exit);
                        change.putAll(Map.of("type", "LEAVE", "organizationId", who.toString(), "on", exit.toString()));
                    }
                    case 1 -> {
                        var candidates = new ArrayList<UUID>(outsiders.stream()
                                .filter(o -> !member.getOrDefault(o, false)).toList());
                        exits.forEach((who, exit) -> {
                            if (exit != null && exit.isBefore(LocalDate.of(2024, 12, 1))) {
                                candidates.add(who);
                            }
                        });
                        if (candidates.isEmpty()) {
                            continue;
                        }
                        var who = candidates.get(random.nextInt(candidates.size()));
                        var after = exits.get(who) == null ? LocalDate.of(2024, 1, 1) : exits.get(who);
                        var on = day(random, after);
                        member.put(who, true);
                        exits.put(who, null);
                        joined.put(who, on);
                        change.putAll(Map.of("type", "JOIN", "organizationId", who.toString(), "on", on.toString()));
                    }
                    case 2 -> {
                        var pending = exits.entrySet().stream().filter(e -> e.getValue() != null)
                                .map(Map.Entry::getKey).toList();
                        if (pending.isEmpty()) {
                            continue;
                        }
                        var who = pending.get(random.nextInt(pending.size()));
                        exits.put(who, null);
                        change.putAll(Map.of("type", "REVOKE", "organizationId", who.toString()));
                    }
                    case 3 -> {
                        var everyone = new ArrayList<>(members);
                        everyone.addAll(outsiders);
                        var who = everyone.get(random.nextInt(everyone.size()));
                        var figure = 20_000L + random.nextInt(330_000);
                        change.putAll(Map.of("type", "POPULATION", "organizationId", who.toString(), "on",
                                JAN_1_2023.toString(), "population", figure));
                    }
                    case 4 -> {
                        mode = mode.equals("VARIABLE") ? "FIXED_TOTAL" : "VARIABLE";
                        change.putAll(Map.of("type", "MODE", "budgetMode", mode));
                    }
                    case 5 -> change.putAll(Map.of("type", "TOTAL", "sharedTotal", 500_000 + random.nextInt(2_500_000)));
                    case 6 -> change.putAll(Map.of("type", "INDEXATION",
                            "indexation", BigDecimal.valueOf(10_000 + random.nextInt(500), 4)));
                    case 7 -> change.putAll(Map.of("type", "CORRECTION", "correction", Map.of(
                            "amount", random.nextInt(100_000) - 50_000, "basis", "CURRENT_SHARES",
                            "reason", "random")));
                    default -> {
                        var equal = 10 + random.nextInt(30);
                        change.putAll(Map.of("type", "COMPONENTS", "components", List.of(
                                Map.of("kind", "EQUAL_SHARE", "percent", equal),
                                Map.of("kind", "BY_POPULATION", "percent", 100 - equal, "referenceDate", "2023-01-01"),
                                Map.of("kind", "RATIO_OF_TOTAL", "organizationId", region.toString(),
                                        "numerator", 1 + random.nextInt(300_000), "denominator", 2_266_473))));
                    }
                }
                changes.add(change);
            }
            return changes;
        }

        private static LocalDate day(Random random, LocalDate after) {
            var last = LocalDate.of(2024, 12, 31);
            var span = (int) (last.toEpochDay() - after.toEpochDay());
            return span <= 0 ? after : after.plusDays(1 + random.nextInt(span));
        }

        /**
         * Every prefix as a scenario first (on the untouched scheme), then each change for real, the charges awaited
         * equal to the prefix's scenario; answers the last scenario's rows.
         */
        Map<String, Line> replay(List<Map<String, Object>> changes, String label) throws Exception {
            var expected = new ArrayList<Map<String, Line>>();
            for (var k = 1; k <= changes.size(); k++) {
                expected.add(scenario(changes.subList(0, k), label));
            }
            for (var k = 0; k < changes.size(); k++) {
                applyForReal(changes.get(k));
                var want = expected.get(k);
                var step = label + ", after " + changes.subList(0, k + 1);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                        .untilAsserted(() -> assertEquals(want, charges(), step));
            }
            return expected.getLast();
        }

        private Map<String, Line> scenario(List<Map<String, Object>> changes, String label) throws Exception {
            var body = given().contentType(ContentType.JSON).body(Map.of("changes", changes))
                    .post("/api/economy/schemes/" + scheme + "/scenarios").then()
                    .statusCode(200).extract().asString();
            var rows = new TreeMap<String, Line>();
            for (var row : JSON.readTree(body).get("rows")) {
                var line = Line.of(row.get("scenario").decimalValue(), row.get("breakdown"));
                if (line.months() > 0) {
                    rows.put(row.get("organizationId").asText(), line);
                }
            }
            return rows;
        }

        private Map<String, Line> charges() throws Exception {
            var body = given().queryParam("scheme", scheme).get("/api/economy/charges").then().statusCode(200)
                    .extract().asString();
            var rows = new TreeMap<String, Line>();
            for (var item : JSON.readTree(body).get("items")) {
                var line = Line.of(item.get("amount").decimalValue(), item.get("breakdown"));
                if (line.months() > 0) {
                    rows.put(item.get("organizationId").asText(), line);
                }
            }
            return rows;
        }

        /** Makes the change for real; an event is awaited until economy-service has handled it. */
        private void applyForReal(Map<String, Object> change) throws Exception {
            var organization = change.containsKey("organizationId")
                    ? UUID.fromString((String) change.get("organizationId")) : null;
            var event = switch ((String) change.get("type")) {
                case "LEAVE" -> {
                    var exit = LocalDate.parse((String) change.get("on"));
                    yield ProducedEvents.send(test.bootstrap, new CollaborationMemberWithdrew(collaboration,
                            organization, UUID.randomUUID(), exit.minusMonths(6), exit, UUID.randomUUID(), "test", null,
                            "scenario"));
                }
                case "JOIN" -> ProducedEvents.send(test.bootstrap, new CollaborationMemberJoined(collaboration,
                        organization, UUID.randomUUID(), LocalDate.parse((String) change.get("on")), null));
                case "REVOKE" -> ProducedEvents.send(test.bootstrap, new CollaborationWithdrawalRevoked(collaboration,
                        organization, UUID.randomUUID(), LocalDate.of(2023, 12, 1), null));
                case "POPULATION" -> ProducedEvents.send(test.bootstrap, new PopulationRecorded(organization,
                        UUID.randomUUID(), JAN_1_2023, ((Number) change.get("population")).longValue(), "test"));
                default -> {
                    put(change);
                    yield null;
                }
            };
            if (event != null) {
                await().atMost(Duration.ofSeconds(30)).until(() -> test.handled(event));
            }
        }

        /** The change as a PUT of the scheme, sending back what a GET gave with the change made. */
        private void put(Map<String, Object> change) throws Exception {
            var response = given().get("/api/economy/schemes/" + scheme).then().statusCode(200).extract();
            var body = (ObjectNode) JSON.readTree(response.asString());
            switch ((String) change.get("type")) {
                case "MODE" -> body.put("budgetMode", (String) change.get("budgetMode"));
                case "TOTAL" -> body.put("sharedTotal", ((Number) change.get("sharedTotal")).longValue());
                case "INDEXATION" -> body.put("indexation", (BigDecimal) change.get("indexation"));
                case "CORRECTION" -> body.withArray("corrections").add(JSON.valueToTree(change.get("correction")));
                default -> body.set("components", JSON.valueToTree(change.get("components")));
            }
            given().contentType(ContentType.JSON).header("If-Match", response.header("ETag")).body(body.toString())
                    .put("/api/economy/schemes/" + scheme).then().statusCode(200);
        }
    }

    private boolean handled(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM inbox_event WHERE event_id = ?1").setParameter(1, eventId).getSingleResult())
                .longValue() == 1);
    }

    private UUID organization(long population) {
        return TestSchemes.municipality(em, population);
    }
}
