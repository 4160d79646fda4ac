package dk.kdnet.meetings.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ReferenceDataTest extends AsSecretariat {

    private static final String JANUARY = ReferenceIds.meeting("kdnet-2023-01-27").toString();
    private static final String JUNE = ReferenceIds.meeting("kdnet-2023-06-02").toString();
    private static final String AUGUST = ReferenceIds.meeting("kdnet-2023-08-25").toString();

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void kdNetsThreeMeetingsOf2023AreThereWithTheirItemNumbers() {
        given().queryParam("body", ReferenceIds.body("kdnet")).queryParam("year", 2023).get("/api/meetings").then()
                .statusCode(200).body("items.id", contains(JANUARY, JUNE, AUGUST))
                .body("items.status", contains("MINUTES_APPROVED", "MINUTES_APPROVED", "HELD"))
                .body("items[2].location.kind", equalTo("ONLINE"))
                .body("items[1].startsAt", equalTo("2023-06-02T10:00:00+02:00"));
        assertEquals(range(18, 20), numbers(JANUARY));
        assertEquals(range(35, 51), numbers(JUNE));
        assertEquals(range(52, 63), numbers(AUGUST));
        given().get("/api/meetings/bodies/" + ReferenceIds.body("kdnet") + "/numbering").then()
                .body("policy", equalTo("CONTINUOUS_YEARLY"));
    }

    @Test
    void item57OfAugustIsGovTechWithItsFourRecommendationsAndNoDecisionYet() {
        var item = ReferenceIds.agendaItem("kdnet-2023-08-25-57");
        given().get("/api/meetings/items/" + item).then().statusCode(200)
                .body("number", equalTo(57)).body("title", equalTo("GovTech Midtjylland"))
                .body("recommendation.size()", equalTo(4))
                .body("presenters", contains("Formand for KD-Net"));
        given().get("/api/meetings/items/" + item + "/decision").then().statusCode(404);
        given().get("/api/meetings/items/" + ReferenceIds.agendaItem("kdnet-2023-08-25-54")).then()
                .body("standardType", equalTo("APPROVE_MINUTES"))
                .body("title", equalTo("Godkendelse af referatet fra mødet d. 2. juni 2023"));
    }

    @Test
    void theJuneDecisionsAreRecordedAsTheMinutesHaveThem() {
        given().get("/api/meetings/" + JUNE + "/decisions").then().statusCode(200)
                .body("size()", equalTo(17))
                .body("outcome", hasItems("APPROVED", "DISCUSSED", "NOTED"));
        var govtech = ReferenceIds.agendaItem("kdnet-2023-06-02-43");
        given().get("/api/meetings/items/" + govtech + "/decision").then().statusCode(200)
                .body("id", equalTo(ReferenceIds.decision("kdnet-2023-06-02-43").toString()))
                .body("outcome", equalTo("DISCUSSED"))
                .body("text", containsString("justeret model for ind- og udmelding"));
        given().get("/api/meetings/items/" + ReferenceIds.agendaItem("kdnet-2023-06-02-46") + "/decision").then()
                .body("partOutcomes.outcome", contains("APPROVED", "APPROVED"));
    }

    @Test
    void theReferenceDataNamesNoPeople() {
        var text = given().get("/api/meetings/" + JUNE + "/decisions").then().extract().asString()
                + given().get("/api/meetings/" + JUNE + "/items").then().extract().asString();
        for (var surname : List.of("Holte", "Jacobsen", "Krarup", "Thyrring", "Kaas", "Hattens", "Blach")) {
            assertFalse(text.contains(surname), surname);
        }
        given().get("/api/meetings/" + AUGUST + "/items").then().body("presenters.flatten()",
                not(hasItems("Jesper Kaas Schmidt")));
    }

    private static List<Integer> numbers(String meeting) {
        return given().get("/api/meetings/" + meeting + "/items").then().statusCode(200).extract().path("number");
    }
}
