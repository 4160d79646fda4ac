package dk.kdnet.economy.charge;

import static dk.kdnet.economy.charge.Fixtures.approvedGovTech2024;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A finance system polls a charge cheaply: 304 while it is unchanged, a new ETag once it is invoiced. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ChargeETagTest extends AsSecretariat {

    @Inject
    EntityManager em;

    @Test
    void aChargesETagChangesWhenItIsInvoicedThoughItsAmountAndLatestVersionStay() {
        var scheme = approvedGovTech2024(em, UUID.randomUUID(), "VARIABLE");
        var charge = given().queryParam("scheme", scheme).queryParam("organization", Fixtures.id("hedensted"))
                .get("/api/economy/charges").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        var path = "/api/economy/charges/" + charge;

        var read = given().auth().none().get(path).then().statusCode(200).extract();
        var etag = read.header("ETag");
        assertEquals("\"" + read.jsonPath().getLong("version") + "\"", etag);
        given().auth().none().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());

        var invoiced = given().post(path + "/invoice").then().statusCode(200).body("invoiced", equalTo(true))
                .extract().header("ETag");

        assertNotEquals(etag, invoiced);
        given().auth().none().header("If-None-Match", etag).get(path).then().statusCode(200)
                .header("ETag", invoiced).body("invoiced", equalTo(true)).body("latestVersion", equalTo(1))
                .body("amount", equalTo(115_429));
    }
}
