package dk.kdnet.notifications.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.WebhookReceiver;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class SubscriptionApiTest extends AsSecretariat {

    private static final String SUBSCRIPTIONS = "/api/subscriptions";
    private static final UUID AARHUS = ReferenceIds.organization("aarhus");
    private static final UUID RANDERS = ReferenceIds.organization("randers");

    private static long total() {
        return given().get(SUBSCRIPTIONS + "?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void everyFailureResponseOfEveryOperationIsDocumentedAsAProblem() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertEquals(List.of(), OpenApiContract.of(document).failuresWithoutProblemContent());
    }

    @Test
    void aGeneratedSecretIsShownOnceAndNeverAgain() {
        var created = given().contentType("application/json").body("""
                {"url":"http://127.0.0.1:9/hook","eventTypes":["dk.kdnet.economy.charge-recalculated.v1"],
                 "filters":{"organization":"%s"}}""".formatted(AARHUS))
                .post(SUBSCRIPTIONS).then().statusCode(201)
                .header("Location", startsWith("http")).body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE")).body("filters.organization", equalTo(AARHUS.toString()))
                .body("ownerOrganizationId", nullValue()).body("client", nullValue()).extract().jsonPath();
        var secret = created.getString("secret");
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        var id = created.getString("id");
        given().get(SUBSCRIPTIONS + "/" + id).then().statusCode(200).body("secret", nullValue())
                .body("eventTypes", equalTo(java.util.List.of("dk.kdnet.economy.charge-recalculated.v1")));
        given().get(SUBSCRIPTIONS + "?size=200").then().statusCode(200).body("items.secret", not(hasItem(secret)));
        given().delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        given().get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndRegistersNothing() {
        var before = total();
        for (var bad : new String[][] {
                {"url", "{\"url\":\"https://10.1.2.3/hook\"}"},
                {"url", "{\"url\":\"https://169.254.169.254/latest/meta-data\"}"},
                {"url", "{\"url\":\"https://[::1]/hook\"}"},
                {"url", "{\"url\":\"http://127.0.0.2/hook\"}"},
                {"url", "{\"url\":\"ftp://example.org/hook\"}"},
                {"url", "{\"url\":\"https://user:pw@127.0.0.1/hook\"}"},
                {"eventTypes", "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"dk.kdnet.nothing.v1\"]}"},
                {"secret", "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"whsec_c2hvcnQ=\"}"},
                {"secret", "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"not-a-secret\"}"}}) {
            given().contentType("application/json").body(bad[1]).post(SUBSCRIPTIONS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", startsWith(bad[0]));
        }
        assertEquals(before, total());
    }

    @Test
    void aClientManagesItsOwnOrganizationsSubscriptionsOnly() {
        var aarhus = TestInfrastructure.tokens().forClient("aarhus-finance", AARHUS);
        var randers = TestInfrastructure.tokens().forClient("randers-finance", RANDERS);
        var id = given().auth().oauth2(aarhus).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:9/hook\"}").post(SUBSCRIPTIONS).then().statusCode(201)
                .body("ownerOrganizationId", equalTo(AARHUS.toString())).body("client", equalTo("aarhus-finance"))
                .extract().path("id").toString();
        given().auth().oauth2(aarhus).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200);
        given().auth().oauth2(randers).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        given().auth().oauth2(randers).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        given().auth().oauth2(randers).get(SUBSCRIPTIONS + "?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get(SUBSCRIPTIONS + "?size=200").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(aarhus).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"filters\":{\"organization\":\"%s\"}}".formatted(RANDERS))
                .post(SUBSCRIPTIONS).then().statusCode(400).body("errors[0].field", equalTo("filters.organization"));
        // A client without an organization (the ESDH system's) manages the ones it made itself.
        var esdh = TestInfrastructure.tokens().forEsdhClient("esdh-system");
        var own = given().auth().oauth2(esdh).contentType("application/json")
                .body("{\"url\":\"http://127.0.0.1:9/hook\"}").post(SUBSCRIPTIONS).then().statusCode(201)
                .body("client", equalTo("esdh-system")).body("ownerOrganizationId", nullValue())
                .extract().path("id").toString();
        given().auth().oauth2(esdh).get(SUBSCRIPTIONS + "/" + own).then().statusCode(200);
        given().auth().oauth2(esdh).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        given().auth().oauth2(TestInfrastructure.tokens().forEsdhClient("another-system"))
                .get(SUBSCRIPTIONS + "/" + own).then().statusCode(404);
        given().auth().oauth2(aarhus).get(SUBSCRIPTIONS + "/" + own).then().statusCode(404);
        RestAssured.authentication = RestAssured.oauth2(member());
        given().get(SUBSCRIPTIONS).then().statusCode(403);
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        given().get(SUBSCRIPTIONS).then().statusCode(401);
    }

    @Test
    void aPingIsSignedAndTellsHowTheReceiverAnswered() throws Exception {
        try (var receiver = WebhookReceiver.start(Duration.ZERO)) {
            var secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
            var id = given().contentType("application/json")
                    .body("{\"url\":\"%s\",\"secret\":\"%s\"}".formatted(receiver.url(), secret)).post(SUBSCRIPTIONS)
                    .then().statusCode(201).body("secret", equalTo(secret)).extract().path("id").toString();
            var webhookId = given().post(SUBSCRIPTIONS + "/" + id + "/test").then().statusCode(200)
                    .body("delivered", equalTo(true)).body("status", equalTo(204)).body("error", nullValue())
                    .extract().path("webhookId").toString();
            var ping = receiver.received().getFirst();
            assertEquals(webhookId, ping.webhookId());
            assertEquals(true, WebhookReceiver.verifies(secret, ping));
            assertEquals(false, WebhookReceiver.verifies(
                    "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                            11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}), ping));
            dk.kdnet.notifications.WebhookSamples.keep(secret, receiver.received());
            receiver.down();
            given().post(SUBSCRIPTIONS + "/" + id + "/test").then().statusCode(200).body("delivered", equalTo(false))
                    .body("status", nullValue()).body("error", startsWith("ConnectException"));
        }
    }
}
