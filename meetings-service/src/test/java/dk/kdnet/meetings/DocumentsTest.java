package dk.kdnet.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class DocumentsTest extends AsSecretariat {

    @Test
    void theOpenApiDocumentListsTheMeetingActionsWithTheirProblems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/meetings/{id}/publish-agenda"))
                .body(containsString("/api/meetings/items/{itemId}/decision"))
                .body(containsString("/api/meetings/search"))
                .body(containsString("/api/meetings/{id}/agenda.pdf"))
                .body(containsString("/api/meetings/{id}/minutes.pdf"))
                .body(containsString("/api/meetings/{id}/esdh-package"))
                .body(containsString("/api/meetings/bodies/{bodyId}/calendar.ics"))
                .body(containsString("application/problem+json"));
    }

    @Test
    void everyFailureResponseOfEveryOperationIsDocumentedAsAProblem() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertEquals(List.of(), OpenApiContract.of(document).failuresWithoutProblemContent());
    }

    @Test
    void theAsyncApiDocumentIsServedWithEveryEventPublished() {
        var text = given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        for (var type : new String[] {"meeting-scheduled", "meeting-changed", "meeting-cancelled", "agenda-published",
                "minutes-approved", "esdh-package-ready", "decision-recorded"}) {
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("dk.kdnet.meetings." + type + ".v1"), type);
        }
    }
}
