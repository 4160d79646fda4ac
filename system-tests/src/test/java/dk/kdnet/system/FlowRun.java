package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A collaboration of its own with a VARIABLE scheme (1,000 kr per member and month) and a held meeting with one
 * agenda item per decision: half the decisions take notice from an approved member, half let a new member join, each
 * at a month of its own. What each member must pay follows from the terms: notice in month m ends the membership on
 * the first of month m+1 (m months paid); joining in month j pays 13-j months. Used by the fault run, the consumer
 * group test and the flow benchmark; everything through the gateway.
 */
final class FlowRun {

    static final int YEAR = 2027;
    private static final long MONTHLY = 1_000;
    /** Approved members that neither give notice nor leave: a run of n decisions has at most n + STAYERS members. */
    static final int STAYERS = 2;

    /** One decision: an organization's notice or joining, on an agenda item, and what it must then pay. */
    record Change(UUID organizationId, String kind, LocalDate date, UUID itemId, long expectedAmount) {

        LocalDate expectedExit() {
            return date.withDayOfMonth(1).plusMonths(1);
        }

        boolean withdrawal() {
            return kind.equals(FlowApi.WITHDRAWAL);
        }
    }

    private final String name;
    private final UUID collaboration;
    private final UUID scheme;
    private final List<UUID> approved;
    private final List<UUID> stayers;
    private final List<Change> changes;
    private final Map<UUID, UUID> decisionIds = new ConcurrentHashMap<>();

    private FlowRun(String name, UUID collaboration, UUID scheme, List<UUID> approved, List<UUID> stayers,
            List<Change> changes) {
        this.name = name;
        this.collaboration = collaboration;
        this.scheme = scheme;
        this.approved = approved;
        this.stayers = stayers;
        this.changes = changes;
    }

    static FlowRun prepare(String name, int decisions, Random random) {
        return prepare(name, FlowApi.collaboration(name), decisions, random);
    }

    /** As {@link #prepare(String, int, Random)} on a collaboration created with {@link FlowApi#collaboration}. */
    static FlowRun prepare(String name, UUID collaboration, int decisions, Random random) {
        var withdrawals = decisions / 2;
        var joins = decisions - withdrawals;
        var approved = new ArrayList<UUID>();
        for (var i = 0; i < withdrawals + STAYERS; i++) {
            var organization = FlowApi.organization(name + " medlem " + (i + 1));
            FlowApi.join(collaboration, organization, LocalDate.parse("2020-01-01"));
            approved.add(organization);
        }
        var joiners = new ArrayList<UUID>();
        for (var i = 0; i < joins; i++) {
            joiners.add(FlowApi.organization(name + " ny " + (i + 1)));
        }
        // The scheme names its approved members: economy-service must know them and their memberships.
        await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .get("/api/economy/collaborations/" + collaboration + "/memberships").then().extract().jsonPath()
                .getList("$").size() == approved.size()
                && approved.stream().allMatch(id -> given().get("/api/economy/organizations/" + id).statusCode() == 200));
        var scheme = FlowApi.approvedScheme(collaboration, name + " " + YEAR, YEAR, approved);
        var items = FlowApi.heldMeeting(name, decisions);

        var planned = new ArrayList<Change>();
        for (var i = 0; i < withdrawals; i++) {
            var month = 1 + i % 11;
            planned.add(new Change(approved.get(i), FlowApi.WITHDRAWAL, LocalDate.of(YEAR, month, 10), null,
                    MONTHLY * month));
        }
        for (var i = 0; i < joins; i++) {
            var month = 1 + i % 12;
            planned.add(new Change(joiners.get(i), FlowApi.JOIN, LocalDate.of(YEAR, month, 13), null,
                    MONTHLY * (13 - month)));
        }
        Collections.shuffle(planned, random);
        var changes = new ArrayList<Change>();
        for (var i = 0; i < planned.size(); i++) {
            var c = planned.get(i);
            changes.add(new Change(c.organizationId(), c.kind(), c.date(), items.get(i), c.expectedAmount()));
        }
        return new FlowRun(name, collaboration, scheme, List.copyOf(approved),
                List.copyOf(approved.subList(withdrawals, approved.size())), List.copyOf(changes));
    }

    List<Change> changes() {
        return changes;
    }

    UUID scheme() {
        return scheme;
    }

    /** Decision ids by organization, as recorded so far. */
    Map<UUID, UUID> decisionIds() {
        return decisionIds;
    }

    /**
     * Records the change's decision, retrying while meetings-service is down (the gateway answers 503) or the answer
     * is lost: recording a decision on the same item again is a correction with the same decision id.
     */
    UUID decide(Change change, String correlationId, Duration patience) {
        var last = new java.util.concurrent.atomic.AtomicReference<String>();
        java.util.concurrent.Callable<UUID> attempt = () -> {
            try {
                var answer = FlowApi.call("PUT", "/api/meetings/items/" + change.itemId() + "/decision",
                        Map.of("outcome", "APPROVED", "effects", List.of(FlowApi.effect(change.kind(),
                                change.organizationId(), collaboration, change.date()))), correlationId);
                if (answer.status() == 200) {
                    return UUID.fromString(answer.body().path("id").asText());
                }
                last.set(answer.status() + " " + answer.body());
            } catch (RuntimeException e) {
                last.set(e.toString());
            }
            return null;
        };
        UUID id;
        try {
            // The first attempt on this thread (Awaitility would start a thread for it); retries while a service is
            // down.
            id = attempt.call();
            if (id == null) {
                id = await("decision on item " + change.itemId() + " recorded").atMost(patience)
                        .pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300))
                        .until(attempt, java.util.Objects::nonNull);
            }
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("decision on item " + change.itemId() + " not recorded: " + last.get(), e);
        } catch (Exception e) {
            throw new AssertionError("decision on item " + change.itemId() + " not recorded", e);
        }
        decisionIds.put(change.organizationId(), id);
        return id;
    }

    /** What every organization of the run must pay in the end: the clean result. */
    Map<UUID, Long> expectedCharges() {
        var expected = new HashMap<UUID, Long>();
        approved.forEach(id -> expected.put(id, MONTHLY * 12));
        changes.forEach(c -> expected.put(c.organizationId(), c.expectedAmount()));
        return expected;
    }

    FlowApi.Charges charges() {
        return FlowApi.charges(scheme, YEAR);
    }

    /** Rows that differ from the clean result, empty when all agree. */
    List<String> chargeMismatches(FlowApi.Charges charges) {
        var problems = new ArrayList<String>();
        var expected = expectedCharges();
        expected.forEach((id, amount) -> {
            if (charges.amount(id) != amount) {
                problems.add("charge of " + id + ": " + charges.amount(id) + ", expected " + amount);
            }
        });
        charges.rows().keySet().stream().filter(id -> !expected.containsKey(id))
                .forEach(id -> problems.add("charge of " + id + " not expected at all"));
        return problems;
    }

    /** The comparison with a clean run: memberships, charges, charge versions and a scheme calculated afresh. */
    Comparison compare() {
        var lines = new ArrayList<String>();
        var problems = new ArrayList<String>();

        List<Map<String, Object>> memberships = given().get("/api/groups/collaborations/" + collaboration + "/members")
                .then().statusCode(200).extract().jsonPath().getList("$");
        var byOrganization = new HashMap<String, List<Map<String, Object>>>();
        memberships.forEach(m -> byOrganization.computeIfAbsent((String) m.get("organizationId"), k -> new ArrayList<>())
                .add(m));
        var membershipsRight = 0;
        for (var change : changes) {
            var rows = byOrganization.getOrDefault(change.organizationId().toString(), List.of());
            var problem = membershipProblem(change, rows);
            if (problem == null) {
                membershipsRight++;
            } else {
                problems.add(problem);
            }
        }
        for (var stayer : stayers) {
            var rows = byOrganization.getOrDefault(stayer.toString(), List.of());
            if (rows.size() != 1 || rows.getFirst().get("noticeGivenOn") != null) {
                problems.add("stayer " + stayer + ": " + rows);
            } else {
                membershipsRight++;
            }
        }
        lines.add("memberships: %d of %d as a clean run gives them (one notice per withdrawn member, one membership "
                .formatted(membershipsRight, changes.size() + stayers.size()) + "per joiner, each naming its decision)");

        var charges = charges();
        var mismatches = chargeMismatches(charges);
        problems.addAll(mismatches);
        var expected = expectedCharges();
        var expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        lines.add("charges: %d rows, %d as expected; total %,d, expected %,d".formatted(charges.rows().size(),
                expected.size() - mismatches.size(), charges.sumOfRows(), expectedTotal));

        var versionsRight = 0;
        var versionCount = 0;
        var changed = new HashMap<UUID, Change>();
        changes.forEach(c -> changed.put(c.organizationId(), c));
        for (var row : charges.rows().values()) {
            var versions = FlowApi.versions(row.id());
            versionCount += versions.size();
            var change = changed.get(row.organizationId());
            // Approval gives each approved member version 1; a notice one more; a joiner's first charge is version 1.
            var expectedVersions = change != null && change.withdrawal() ? 2 : 1;
            var decision = change == null ? null : String.valueOf(decisionIds.get(change.organizationId()));
            if (versions.size() != expectedVersions) {
                problems.add("charge of " + row.organizationId() + " has " + versions.size() + " versions, expected "
                        + expectedVersions + ": " + versions);
            } else if (decision != null && !decision.equals(versions.getLast().get("decisionId"))) {
                problems.add("charge of " + row.organizationId() + " names decision "
                        + versions.getLast().get("decisionId") + ", expected " + decision);
            } else {
                versionsRight++;
            }
        }
        lines.add("charge versions: %d in all, %d charges with exactly one version per change naming its decision"
                .formatted(versionCount, versionsRight));

        var fresh = FlowApi.approvedScheme(collaboration, name + " " + YEAR + " afresh", YEAR, approved);
        var afresh = FlowApi.charges(fresh, YEAR);
        var same = 0;
        for (var id : expected.keySet()) {
            if (afresh.amount(id) == charges.amount(id)) {
                same++;
            } else {
                problems.add("charge of " + id + ": " + charges.amount(id) + ", calculated afresh "
                        + afresh.amount(id));
            }
        }
        lines.add("scheme calculated afresh from the final memberships: %d of %d charges equal, total %,d"
                .formatted(same, expected.size(), afresh.sumOfRows()));
        return new Comparison(lines, problems);
    }

    private String membershipProblem(Change change, List<Map<String, Object>> rows) {
        if (rows.size() != 1) {
            return change.organizationId() + " has " + rows.size() + " memberships: " + rows;
        }
        var row = rows.getFirst();
        var decision = String.valueOf(decisionIds.get(change.organizationId()));
        if (change.withdrawal()) {
            var ok = change.date().toString().equals(row.get("noticeGivenOn"))
                    && change.expectedExit().toString().equals(row.get("effectiveExit"))
                    && row.get("withdrawalDecision") instanceof Map<?, ?> d && decision.equals(d.get("decisionId"));
            return ok ? null : "notice of " + change.organizationId() + " on " + change.date() + " (exit "
                    + change.expectedExit() + ", decision " + decision + "): " + row;
        }
        var ok = change.date().toString().equals(row.get("joinedOn")) && row.get("noticeGivenOn") == null
                && row.get("joinDecision") instanceof Map<?, ?> d && decision.equals(d.get("decisionId"));
        return ok ? null : "joining of " + change.organizationId() + " on " + change.date() + " (decision "
                + decision + "): " + row;
    }

    record Comparison(List<String> lines, List<String> problems) {

        void print(Consumer<String> out) {
            lines.forEach(out);
            out.accept(problems.isEmpty() ? "result: equal to a clean run" : "result: " + problems.size()
                    + " differences");
            problems.stream().limit(20).forEach(p -> out.accept("  " + p));
        }
    }
}
