package dk.kdnet.meetings.search;

import static dk.kdnet.meetings.Fixtures.action;
import static dk.kdnet.meetings.Fixtures.addItemJson;
import static dk.kdnet.meetings.Fixtures.approveMinutesAt;
import static dk.kdnet.meetings.Fixtures.schedule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class SearchApiTest extends AsSecretariat {

    private UUID body;
    private UUID titleHit;
    private UUID presentationHit;
    private UUID decisionHit;
    private UUID closed;
    private UUID unpublished;

    @BeforeEach
    void agendas() {
        body = UUID.randomUUID();
        var held = schedule(body, "2023-08-25");
        presentationHit = addItemJson(held, """
                {"title":"Budget 2024","casePresentation":"GovTech arbejder på budgettet. GovTech Midtjyllands budget varierer. Medlemmer af GovTech betaler."}""");
        titleHit = addItemJson(held, """
                {"title":"GovTech Midtjylland","summary":"Procedure for ind- og udtræden"}""");
        decisionHit = addItemJson(held, "{\"title\":\"Velfærdsteknologi og bureaukratiske barrierer\"}");
        closed = addItemJson(held, """
                {"title":"GovTech: personalesag","closed":true,"casePresentation":"Fortroligt om GovTech"}""");
        action(held, "publish-agenda");
        action(held, "hold");
        given().contentType(ContentType.JSON).body("""
                {"outcome":"DISCUSSED","text":"KD-Net bemærkede at GovTech kan tænkes ind. Hedensted Kommune udtræder."}""")
                .put("/api/meetings/items/" + decisionHit + "/decision").then().statusCode(200);
        var planned = schedule(body, "2023-11-10");
        unpublished = addItemJson(planned, "{\"title\":\"GovTech udkast\"}");
    }

    private static List<String> ids(io.restassured.response.ValidatableResponse response) {
        return response.statusCode(200).extract().path("items.agendaItemId");
    }

    @Test
    void aTitleHitRanksFirstAndHitsInCasePresentationsAndDecisionsFollow() {
        // A member, so the decision of minutes not yet approved is searched too (and the closed and draft titles).
        var hits = ids(given().auth().oauth2(member()).queryParam("q", "GovTech").queryParam("body", body)
                .get("/api/meetings/search").then()
                .body("items[0].headline", containsString("<mark>GovTech</mark>")));
        assertEquals(List.of(titleHit.toString(), closed.toString(), unpublished.toString()).stream().sorted().toList(),
                hits.subList(0, 3).stream().sorted().toList());
        assertEquals(List.of(presentationHit.toString(), decisionHit.toString()).stream().sorted().toList(),
                hits.subList(3, 5).stream().sorted().toList());
    }

    @Test
    void anonymousCallersFindADecisionOnlyOnceTheMinutesAreApproved() {
        // "Hedensted" is only in the decision's text; the meeting is held, its minutes are not approved.
        given().auth().none().queryParam("q", "Hedensted").queryParam("body", body).get("/api/meetings/search").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().none().queryParam("q", "GovTech").queryParam("body", body).get("/api/meetings/search").then()
                .body("total", equalTo(2)).body("items.headline", everyItem(not(containsString("Hedensted"))))
                .body("items.agendaItemId", containsInAnyOrder(titleHit.toString(), presentationHit.toString()));

        approveMinutesAt(body, "2023-09-15");

        given().auth().none().queryParam("q", "Hedensted").queryParam("body", body).get("/api/meetings/search").then()
                .body("items.agendaItemId", containsInAnyOrder(decisionHit.toString()))
                .body("items[0].headline", containsString("<mark>Hedensted</mark>"));
    }

    @Test
    void anonymousSearchNeverReturnsAClosedItemOrAnUnpublishedAgenda() {
        for (var q : List.of("GovTech", "personalesag", "fortroligt", "udkast")) {
            var hits = ids(given().auth().none().queryParam("q", q).queryParam("size", 200).get("/api/meetings/search")
                    .then());
            assertFalse(hits.contains(closed.toString()), q);
            assertFalse(hits.contains(unpublished.toString()), q);
        }
        given().auth().none().queryParam("q", "personalesag").queryParam("body", body).get("/api/meetings/search")
                .then().body("total", equalTo(0));
    }

    @Test
    void membersFindClosedItemsAndDraftAgendas() {
        var hits = ids(given().auth().oauth2(member()).queryParam("q", "GovTech").queryParam("body", body).get("/api/meetings/search").then()
                .body("total", equalTo(5)));
        assertEquals(true, hits.containsAll(List.of(closed.toString(), unpublished.toString())));
    }

    @Test
    void danishStemmingFindsOtherFormsOfAWord() {
        given().queryParam("q", "udtræde").queryParam("body", body).get("/api/meetings/search").then()
                .body("items.agendaItemId", containsInAnyOrder(titleHit.toString(), decisionHit.toString()));
    }

    @Test
    void searchIsFilteredByBodyAndYear() {
        given().queryParam("q", "GovTech").queryParam("body", body).queryParam("year", 2022)
                .get("/api/meetings/search").then().body("total", equalTo(0));
        given().queryParam("q", "GovTech").queryParam("body", UUID.randomUUID()).get("/api/meetings/search").then()
                .body("total", equalTo(0));
    }

    @Test
    void theReferenceMeetingsGovTechItemsAreFound() {
        given().queryParam("q", "GovTech").queryParam("body", ReferenceIds.body("kdnet")).queryParam("year", 2023)
                .get("/api/meetings/search").then().statusCode(200)
                .body("items.number", hasItems(43, 57))
                .body("items[0].title", equalTo("GovTech Midtjylland"))
                .body("items[1].title", equalTo("GovTech Midtjylland"))
                .body("items.bodyId", everyItem(equalTo(ReferenceIds.body("kdnet").toString())));
    }

    @Test
    void aSearchNeedsWords() {
        given().queryParam("q", " ").get("/api/meetings/search").then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"));
        given().get("/api/meetings/search").then().statusCode(400).body("errors.field", not(List.of()));
    }
}
