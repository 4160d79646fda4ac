package dk.kdnet.economy.charge;

import static io.restassured.RestAssured.given;

import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.events.ReferenceIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Copies of the reference GovTech 2024 scheme for a fresh collaboration, so tests never disturb the reference. */
public final class Fixtures {

    public static final List<String> GOVTECH_MUNICIPALITIES = List.of("aarhus", "randers", "horsens", "herning",
            "skanderborg", "holstebro", "ringkobing-skjern", "favrskov", "hedensted", "skive", "syddjurs",
            "ikast-brande", "norddjurs", "odder", "struer", "lemvig");

    private Fixtures() {}

    /** Makes the reference organizations known, as groups-service's events would. */
    public static void knowOrganizations(EntityManager em, List<String> slugs) {
        QuarkusTransaction.requiringNew().run(() -> slugs.forEach(slug -> em.createNativeQuery("""
                INSERT INTO organization (id, kind, name, short_name) VALUES (?1, 'MUNICIPALITY', ?2, ?3)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, ReferenceIds.organization(slug)).setParameter(2, slug + " Kommune")
                .setParameter(3, slug).executeUpdate()));
    }

    static void knowPopulation(EntityManager em, String slug, LocalDate date, long count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO population (organization_id, reference_date, count, source) VALUES (?1, ?2, ?3, 'test')
                ON CONFLICT (organization_id, reference_date) DO UPDATE SET count = EXCLUDED.count""")
                .setParameter(1, ReferenceIds.organization(slug)).setParameter(2, date).setParameter(3, count)
                .executeUpdate());
    }

    /** The reference GovTech 2024 scheme as a request, for another collaboration and budget mode. */
    static Map<String, Object> govTech2024Request(UUID collaboration, String budgetMode) {
        Map<String, Object> reference = given().get("/api/economy/schemes/"
                + ReferenceDataLoader.schemeId("govtech-midtjylland-2024")).then().statusCode(200)
                .extract().jsonPath().getMap("");
        var request = new HashMap<String, Object>();
        for (var field : List.of("ownerKind", "year", "rounding", "sharedTotal", "indexation", "components",
                "members", "corrections")) {
            request.put(field, reference.get(field));
        }
        request.put("ownerId", collaboration.toString());
        request.put("name", "GovTech copy " + budgetMode);
        request.put("budgetMode", budgetMode);
        return request;
    }

    /** Creates and approves a copy of GovTech 2024 for a new collaboration; answers the scheme id. */
    static UUID approvedGovTech2024(EntityManager em, UUID collaboration, String budgetMode) {
        var slugs = new java.util.ArrayList<>(GOVTECH_MUNICIPALITIES);
        slugs.add("region-midtjylland");
        knowOrganizations(em, slugs);
        var id = given().contentType(ContentType.JSON).body(govTech2024Request(collaboration, budgetMode))
                .post("/api/economy/schemes").then().statusCode(201).extract().jsonPath().getString("id");
        given().contentType(ContentType.JSON).body("{}").post("/api/economy/schemes/" + id + "/approve")
                .then().statusCode(200);
        return UUID.fromString(id);
    }

    /** The scheme's charges by organization slug-id, as amounts. */
    static Map<String, BigDecimal> amounts(UUID scheme) {
        List<Map<String, Object>> items = given().queryParam("scheme", scheme).get("/api/economy/charges")
                .then().statusCode(200).extract().jsonPath().getList("items");
        var amounts = new HashMap<String, BigDecimal>();
        items.forEach(i -> amounts.put((String) i.get("organizationId"), new BigDecimal(i.get("amount").toString())));
        return amounts;
    }

    static String id(String slug) {
        return ReferenceIds.organization(slug).toString();
    }
}
