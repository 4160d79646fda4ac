package dk.kdnet.economy.charge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeApi;
import dk.kdnet.economy.scheme.SchemeService;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A large recalculation writes its charges in bulk, a small one as entities: both leave exactly the same charges,
 * versions, audit history and events, and the bulk way too refuses a charge changed since it was read.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BulkRecalculationTest extends AsSecretariat {


    @ConfigProperty(name = "kdnet.economy.recalculation.bulk-from")
    int bulkFrom;

    @Inject
    EntityManager em;

    @Inject
    SchemeService schemes;

    @Inject
    ChargeService charges;

    @Inject
    BulkChargeWrites bulkWrites;

    /**
     * Twin schemes of four members (VARIABLE: a member's charge follows its own population only). Approval creates
     * four charges each; then the first member's charge is invoiced and the first two members' populations change:
     * an adjustment and a new amount per scheme, the other two charges unchanged. Set A is small enough for
     * entities in both recalculations, set B large enough for bulk in both.
     */
    @Test
    void bulkAndEntityWritesLeaveTheSameChargesVersionsHistoryAndEvents() {
        var members = IntStream.range(0, 4).mapToObj(i -> organization(10_000 + i * 1_000)).toList();
        var small = (bulkFrom - 1) / 4;
        var large = (bulkFrom + 1) / 2;
        var a = approvedSchemes(members, small);
        var b = approvedSchemes(members, large);
        var run = UUID.randomUUID();
        var approved = new Cause(UUID.randomUUID(), "test.approved." + run,
                new DecisionReference(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 57));
        var populations = new Cause(UUID.randomUUID(), "test.populations." + run, null);

        recalculate(a, approved);
        recalculate(b, approved);
        QuarkusTransaction.requiringNew().run(() -> {
            for (var scheme : concat(a, b)) {
                charges.invoice(chargeOf(scheme, members.get(0)));
            }
            em.createNativeQuery("UPDATE population SET count = count + 5000 WHERE organization_id IN (?1, ?2)")
                    .setParameter(1, members.get(0)).setParameter(2, members.get(1)).executeUpdate();
        });
        recalculate(a, populations);
        recalculate(b, populations);

        // Which way each recalculation wrote, by its cause: A as entities, B in bulk, both times.
        var metrics = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        for (var cause : List.of(approved, populations)) {
            assertEquals(1.0, recalculations(metrics, cause, "entities"), cause.eventType());
            assertEquals(1.0, recalculations(metrics, cause, "bulk"), cause.eventType());
        }

        for (int i = 0; i < small; i++) {
            assertEquals(chargesOf(a.get(i)), chargesOf(b.get(i)));
            for (var member : members) {
                var inA = chargeOf(a.get(i), member);
                var inB = chargeOf(b.get(i), member);
                assertEquals(versionsOf(inA), versionsOf(inB));
                assertEquals(historyOf(inA), historyOf(inB));
                assertEquals(auditRowsOf(inA), auditRowsOf(inB));
            }
            assertEquals(eventsOf(a.get(i)), eventsOf(b.get(i)));
        }

        // What changed, for every scheme of both sets: the invoiced charge by an adjustment, the second by a new
        // amount; the other two stay at their first version, with one audit row each and no second event.
        for (var scheme : concat(a, b)) {
            var versions = new ArrayList<List<String>>();
            for (var member : members) {
                versions.add(given().get("/api/economy/charges/" + chargeOf(scheme, member) + "/versions").then()
                        .statusCode(200).extract().jsonPath().getList("kind", String.class));
            }
            assertEquals(List.of(List.of("CALCULATION", "ADJUSTMENT"), List.of("CALCULATION", "CALCULATION"),
                    List.of("CALCULATION"), List.of("CALCULATION")), versions, "scheme " + scheme);
        }
        assertEquals(6L * large, count("SELECT count(*) FROM charge_version v JOIN charge c ON c.id = v.charge_id "
                + "WHERE c.scheme_id IN (?1)", b));
        // Created (4), invoiced (1), recalculated (2), per scheme.
        assertEquals(7L * large, count("SELECT count(*) FROM charge_aud a JOIN charge c ON c.id = a.id "
                + "WHERE c.scheme_id IN (?1)", b));
        assertEquals(6L * large, count("SELECT count(*) FROM outbox_event WHERE type = "
                + "'dk.kdnet.economy.charge-recalculated.v1' AND CAST(data->>'schemeId' AS uuid) IN (?1)", b));
        // Each bulk recalculation audits in the one revision Envers gives its transaction, the schemes' new totals
        // included.
        assertEquals(1L, count("SELECT count(DISTINCT a.rev) FROM charge_aud a JOIN charge c ON c.id = a.id "
                + "WHERE c.scheme_id IN (?1) AND a.revtype = 0", b));
        assertEquals(1L, count("""
                SELECT count(DISTINCT rev) FROM (
                  SELECT a.rev FROM charge_aud a JOIN charge c ON c.id = a.id
                  WHERE c.scheme_id IN (?1) AND a.charge_version = 2 AND a.revtype = 1
                    AND NOT EXISTS (SELECT 1 FROM charge_aud i WHERE i.id = a.id AND i.rev > a.rev)
                  UNION SELECT s.rev FROM financing_scheme_aud s WHERE s.id IN (?1)
                    AND s.rev = (SELECT max(rev) FROM financing_scheme_aud WHERE id IN (?1))) revisions""", b));
    }

    @Test
    void aChargeChangedSinceItWasReadStopsTheBulkWriteAndNothingOfItIsWritten() {
        var members = IntStream.range(0, 4).mapToObj(i -> organization(20_000 + i * 1_000)).toList();
        var set = approvedSchemes(members, (bulkFrom + 3) / 4);
        recalculate(set, Cause.schemeChanged());
        var byId = new HashMap<UUID, Scheme>();
        QuarkusTransaction.requiringNew().run(() -> Scheme.<Scheme>list("id in ?1", set).forEach(s -> byId.put(s.id, s)));
        var standing = QuarkusTransaction.requiringNew().call(() -> Charge.standingOf(set));
        var stale = standing.get(standing.size() / 2).id();
        // Another transaction changes one charge after the recalculation read it (as an invoice would).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE charge SET version = version + 1 WHERE id = ?1").setParameter(1, stale).executeUpdate());
        var before = snapshot(set);

        var changes = standing.stream().map(s -> new ChargeChange(byId.get(s.schemeId()), s.id(), s.organizationId(),
                s, ChargeVersion.Kind.CALCULATION, s.amount().add(BigDecimal.ONE), s.amount(), null, s.billed(),
                s.months(), dk.kdnet.economy.Json.write(Breakdown.none()), s.chargeVersion() + 1)).toList();
        var thrown = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(
                () -> bulkWrites.write(changes, Cause.schemeChanged(), Instant.now().truncatedTo(ChronoUnit.MICROS))));
        assertTrue(causedBy(thrown, OptimisticLockException.class), thrown.toString());
        assertTrue(thrown.toString().contains("1 of " + changes.size() + " charges were changed"), thrown.toString());

        assertEquals(before, snapshot(set));
    }

    /**
     * A recalculation of many schemes works through them in steps (here 3 schemes, each step in bulk from 10 changes),
     * all in one transaction: it leaves what one step over all of them leaves, in one revision, its progress done.
     */
    @Test
    void aRecalculationInStepsLeavesWhatOneStepLeaves() {
        var members = IntStream.range(0, 4).mapToObj(i -> organization(30_000 + i * 1_000)).toList();
        var stepped = approvedSchemes(members, 7);
        var whole = approvedSchemes(members, 7);
        var cause = new Cause(UUID.randomUUID(), "test.steps." + UUID.randomUUID(), null);
        var service = ClientProxy.unwrap(charges);
        var schemesPerStep = service.schemesPerStep;
        var bulkFromBefore = service.bulkFrom;
        try {
            // Steps of 3, 3 and 1 schemes: 12, 12 and 4 new charges, the first two in bulk, the last as entities.
            service.schemesPerStep = 3;
            service.bulkFrom = 10;
            recalculate(stepped, cause);
        } finally {
            service.schemesPerStep = schemesPerStep;
            service.bulkFrom = bulkFromBefore;
        }
        recalculate(whole, cause);

        for (int i = 0; i < stepped.size(); i++) {
            assertEquals(chargesOf(whole.get(i)), chargesOf(stepped.get(i)));
            assertEquals(eventsOf(whole.get(i)), eventsOf(stepped.get(i)));
            for (var member : members) {
                assertEquals(versionsOf(chargeOf(whole.get(i), member)), versionsOf(chargeOf(stepped.get(i), member)));
                assertEquals(auditRowsOf(chargeOf(whole.get(i), member)),
                        auditRowsOf(chargeOf(stepped.get(i), member)));
            }
        }
        assertEquals(28L, count("SELECT count(*) FROM charge_version v JOIN charge c ON c.id = v.charge_id "
                + "WHERE c.scheme_id IN (?1)", stepped));
        assertEquals(1L, count("SELECT count(DISTINCT a.rev) FROM charge_aud a JOIN charge c ON c.id = a.id "
                + "WHERE c.scheme_id IN (?1)", stepped));
        // Progress is recorded beside the transaction, after its commit.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of("DONE|7|7", "DONE|7|7"),
                QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT concat_ws('|', state, done, total) FROM recalculation WHERE cause_event_type = ?1",
                        String.class).setParameter(1, cause.eventType()).getResultList())));
    }

    /** The charges' amounts and versions, their versions, audit rows and revisions, and all charge events. */
    private List<Object> snapshot(List<UUID> set) {
        return List.of(
                QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT concat_ws('|', id, amount, version, charge_version) FROM charge
                        WHERE scheme_id IN (?1) ORDER BY id""", String.class).setParameter(1, set).getResultList()),
                count("SELECT count(*) FROM charge_version v JOIN charge c ON c.id = v.charge_id "
                        + "WHERE c.scheme_id IN (?1)", set),
                count("SELECT count(*) FROM charge_aud a JOIN charge c ON c.id = a.id WHERE c.scheme_id IN (?1)", set),
                count("SELECT count(*) FROM audit_revision", List.of()),
                count("SELECT count(*) FROM outbox_event", List.of()));
    }

    private void recalculate(List<UUID> set, Cause cause) {
        QuarkusTransaction.requiringNew().timeout(300)
                .run(() -> charges.recalculate(Scheme.list("id in ?1", set), cause));
    }

    private List<UUID> approvedSchemes(List<UUID> members, int count) {
        var ids = new ArrayList<UUID>();
        QuarkusTransaction.requiringNew().timeout(300).run(() -> {
            for (var i = 0; i < count; i++) {
                ids.add(schemes.create(UUID.randomUUID(), request(members), true).id);
            }
            em.createQuery("update Scheme set status = :approved where id in :ids")
                    .setParameter("approved", Scheme.Status.APPROVED).setParameter("ids", ids).executeUpdate();
        });
        return ids;
    }

    /** The charges as the API lists them, but for their own and their scheme's ids and when they were invoiced. */
    private static List<Map<String, Object>> chargesOf(UUID scheme) {
        List<Map<String, Object>> items = given().queryParam("scheme", scheme).get("/api/economy/charges").then()
                .statusCode(200).extract().jsonPath().getList("items");
        items.forEach(i -> {
            i.remove("id");
            i.remove("schemeId");
            i.put("invoicedAt", i.get("invoicedAt") != null);
        });
        items.sort(Comparator.comparing(i -> (String) i.get("organizationId")));
        assertEquals(4, items.size());
        return items;
    }

    private static List<Map<String, Object>> versionsOf(UUID charge) {
        List<Map<String, Object>> versions = given().get("/api/economy/charges/" + charge + "/versions").then()
                .statusCode(200).extract().jsonPath().getList("");
        versions.forEach(v -> v.remove("createdAt"));
        return versions;
    }

    /**
     * The /history answer but for the revisions' numbers and times, the charge's own and its scheme's ids and when
     * it was invoiced.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> historyOf(UUID charge) {
        List<Map<String, Object>> history = given().get("/api/economy/charges/" + charge + "/history").then()
                .statusCode(200).extract().jsonPath().getList("");
        history.forEach(h -> {
            h.remove("revision");
            h.remove("changedAt");
            var state = (Map<String, Object>) h.get("state");
            if (state != null) {
                state.remove("id");
                state.remove("schemeId");
                state.put("invoicedAt", state.get("invoicedAt") != null);
            }
        });
        return history;
    }

    /** The charge's audit rows as stored, with their revisions' actor and correlation id, oldest first. */
    private List<String> auditRowsOf(UUID charge) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT concat_ws('|', a.revtype, a.organization_id, a.year, a.amount, a.charge_version, a.months,
                                 a.breakdown, a.invoiced, a.invoiced_at IS NULL, a.billed, a.updated_at IS NULL,
                                 r.actor, coalesce(r.correlation_id, '-'))
                FROM charge_aud a JOIN audit_revision r ON r.id = a.rev WHERE a.id = ?1 ORDER BY a.rev""",
                String.class).setParameter(1, charge).getResultList());
    }

    /** The scheme's charge events in its outbox, but for the charge's, scheme's and owner's ids. */
    private List<String> eventsOf(UUID scheme) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT CAST(data - 'chargeId' - 'schemeId' - 'ownerId' AS text) FROM outbox_event
                WHERE type = 'dk.kdnet.economy.charge-recalculated.v1' AND data->>'schemeId' = ?1
                ORDER BY data->>'organizationId', CAST(data->>'version' AS int)""", String.class)
                .setParameter(1, scheme.toString()).getResultList());
    }

    private UUID chargeOf(UUID scheme, UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> Charge.<Charge>find("schemeId = ?1 and organizationId = ?2",
                scheme, organization).singleResult().id);
    }

    private long count(String sql, List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            if (!ids.isEmpty()) {
                query.setParameter(1, ids);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static double recalculations(String metrics, Cause cause, String writes) {
        var matcher = Pattern.compile("^kdnet_recalculation_seconds_count\\{cause=\"" + Pattern.quote(cause.eventType())
                + "\",writes=\"" + writes + "\"} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (var t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static SchemeApi.SchemeRequest request(List<UUID> members) {
        return TestSchemes.request("Twin", members, BudgetMode.VARIABLE);
    }

    private UUID organization(long population) {
        return TestSchemes.municipality(em, population);
    }
}
