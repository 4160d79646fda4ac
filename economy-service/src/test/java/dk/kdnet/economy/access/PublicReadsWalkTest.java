package dk.kdnet.economy.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every read operation of the service's own OpenAPI document, walked as an anonymous caller and as a member with real
 * ids: drafts reach members only. An operation added later is walked too, or fails the test when its path parameters
 * are unknown here.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class PublicReadsWalkTest extends AsSecretariat {

    private static final int YEAR = 2097;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Inject
    EntityManager em;

    private final UUID aarhus = ReferenceIds.organization("aarhus");
    private final UUID lemvig = ReferenceIds.organization("lemvig");

    @Test
    void noGetOperationShowsADraftToAnonymousCallersWhileAMemberSeesThem() {
        var owner = UUID.randomUUID();
        var token = UUID.randomUUID().toString().substring(0, 8);
        var schemeName = "Hemmelig ordning " + token;
        var budgetTitle = "Hemmeligt budget " + token;
        Fixtures.knowOrganizations(em, List.of("aarhus", "lemvig"));
        var scheme = draftScheme(owner, schemeName);
        var budget = draftBudget(owner, budgetTitle);
        var charge = chargeOfDraft(scheme);
        var markers = List.of(scheme, budget, charge, schemeName, budgetTitle);
        var draftIds = List.of(scheme, budget, charge);

        var fillers = Map.of(
                "/api/economy/schemes/{id}", scheme,
                "/api/economy/budgets/{id}", budget,
                "/api/economy/charges/{id}", charge,
                "/api/economy/organizations/{id}", aarhus.toString(),
                "/api/economy/collaborations/{id}", owner.toString(),
                "/api/economy/statements/{organization}", aarhus.toString(),
                "/api/economy/recalculations/{id}", UUID.randomUUID().toString(),
                "/api/economy/statements/{organization}/{year}", String.valueOf(YEAR));
        // Filters that put the drafts on a list's first page for a member.
        Map<String, Object> filters = Map.of("owner", owner, "year", YEAR, "organization", aarhus, "kind", "BUDGET",
                "size", 200);

        Map<String, Map<String, Object>> paths = given().auth().none().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        var seenByMember = new StringBuilder();
        var walked = 0;
        for (var entry : paths.entrySet()) {
            @SuppressWarnings("unchecked")
            var get = (Map<String, Object>) entry.getValue().get("get");
            if (get == null) {
                continue;
            }
            var url = fill(entry.getKey(), fillers);
            var query = queryParameters(entry.getKey(), entry.getValue(), get, filters);

            var anonymous = given().auth().none().queryParams(query).get(url);
            var body = anonymous.asString();
            if (anonymous.statusCode() >= 400) {
                // A problem names the request it answers (detail, instance): the caller's own id, not a disclosure.
                body = body.replace("\"" + url + "\"", "\"\"");
                for (var id : draftIds.stream().filter(url::contains).toList()) {
                    body = body.replace(" " + id + " does not exist", " does not exist");
                }
            }
            for (var marker : markers) {
                assertFalse(body.contains(marker), "GET " + entry.getKey() + " shows the draft's " + marker
                        + " to an anonymous caller: " + anonymous.statusCode() + " " + body);
            }
            if (draftIds.stream().anyMatch(url::contains)) {
                assertTrue(Set.of(401, 404).contains(anonymous.statusCode()),
                        "GET " + url + " answers an anonymous caller " + anonymous.statusCode() + ": " + body);
            }
            seenByMember.append(given().auth().oauth2(member()).queryParams(query).get(url).asString());
            walked++;
        }

        assertTrue(walked >= 15, "walked only " + walked + " GET operations of " + paths.keySet());
        for (var marker : markers) {
            assertTrue(seenByMember.toString().contains(marker), "a member never saw " + marker);
        }
        given().auth().oauth2(member()).get("/api/economy/schemes/" + scheme).then().statusCode(200);
        given().auth().oauth2(member()).get("/api/economy/budgets/" + budget).then().statusCode(200);
    }

    private static String fill(String template, Map<String, String> fillers) {
        var url = template;
        var matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            var value = fillers.get(template.substring(0, matcher.end()));
            if (value == null) {
                fail("GET " + template + " has a path parameter {" + matcher.group(1) + "} this walk cannot fill: "
                        + "give it a real id");
            }
            url = url.replaceFirst(Pattern.quote(matcher.group()), value);
        }
        return url;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> queryParameters(String path, Map<String, Object> pathItem,
            Map<String, Object> operation, Map<String, Object> filters) {
        var declared = new ArrayList<Map<String, Object>>();
        for (var owner : List.of(pathItem, operation)) {
            declared.addAll((List<Map<String, Object>>) owner.getOrDefault("parameters", List.of()));
        }
        var query = new HashMap<String, Object>();
        for (var parameter : declared) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            var name = (String) parameter.get("name");
            if (filters.containsKey(name)) {
                query.put(name, filters.get(name));
            } else if (Boolean.TRUE.equals(parameter.get("required"))) {
                fail("GET " + path + " requires the query parameter " + name + " this walk cannot fill");
            }
        }
        return query;
    }

    private String draftScheme(UUID owner, String name) {
        return given().contentType(ContentType.JSON).body("""
                {"ownerKind":"COLLABORATION","ownerId":"%s","name":"%s","year":%d,"budgetMode":"FIXED_TOTAL",
                 "rounding":"HALF_UP","sharedTotal":1000,"components":[{"kind":"EQUAL_SHARE","percent":100}],
                 "members":[{"organizationId":"%s"},{"organizationId":"%s"}]}"""
                .formatted(owner, name, YEAR, aarhus, lemvig))
                .post("/api/economy/schemes").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private String draftBudget(UUID owner, String title) {
        return given().contentType(ContentType.JSON).body("""
                {"ownerKind":"COLLABORATION","ownerId":"%s","year":%d,"kind":"BUDGET","title":"%s","carriedIn":0,
                 "lines":[{"label":"Tilskud","side":"INCOME","amount":1000}]}""".formatted(owner, YEAR, title))
                .post("/api/economy/budgets").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /**
     * A charge of the draft scheme. The engine charges approved schemes only, so the API makes none: written here, it
     * proves the charge endpoints would not show one to anonymous callers if it ever existed.
     */
    private String chargeOfDraft(String scheme) {
        var charge = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO charge (id, scheme_id, organization_id, year, amount, charge_version, months, breakdown)
                    VALUES (?1, ?2, ?3, ?4, 500, 1, 12, '{"months":12,"components":[]}')""")
                    .setParameter(1, charge).setParameter(2, UUID.fromString(scheme)).setParameter(3, aarhus)
                    .setParameter(4, YEAR).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO charge_version (id, charge_id, charge_version, kind, amount, breakdown, cause_event_type)
                    VALUES (?1, ?2, 1, 'CALCULATION', 500, '{"months":12,"components":[]}', 'test')""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, charge).executeUpdate();
        });
        return charge.toString();
    }
}
