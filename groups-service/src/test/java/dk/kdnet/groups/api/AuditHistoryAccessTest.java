package dk.kdnet.groups.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit history names the staff who made each change: members and the secretariat only. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class AuditHistoryAccessTest extends AsSecretariat {

    private static final String GROUPS = "/api/groups";
    private static final String BODY = GROUPS + "/bodies/" + ReferenceIds.body("kosu");
    private static final String SECRETARIAT = GROUPS + "/secretariats/" + ReferenceIds.secretariat("kdnet-sekretariat");
    private static final String GOVTECH = GROUPS + "/collaborations/"
            + ReferenceIds.collaboration("govtech-midtjylland");

    /** Every history endpoint, on reference data; parts below a resource name its first one. */
    static Stream<Arguments> histories() {
        return Stream.of(
                history("organization", () -> GROUPS + "/organizations/" + ReferenceIds.organization("aarhus")),
                history("person", () -> GROUPS + "/persons/" + ReferenceIds.of("person", "anna-holm")),
                history("body", () -> BODY),
                history("body membership", () -> BODY + "/members/" + first(BODY + "/members", "id")),
                history("secretariat", () -> SECRETARIAT),
                history("staff assignment", () -> SECRETARIAT + "/staff/" + first(SECRETARIAT + "/staff", "id")),
                history("collaboration", () -> GOVTECH),
                history("terms", () -> GOVTECH + "/terms/" + first(GOVTECH + "/terms", "id")),
                history("collaboration membership",
                        () -> GOVTECH + "/members/" + first(GOVTECH + "/members", "organizationId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void anonymousCallersAndClientsMayNotReadTheHistoryMembersAndTheSecretariatMay(String what,
            Supplier<String> resource) {
        var history = resource.get() + "/history";
        given().auth().none().get(history).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.tokens().forClient("history-test-client", null)).get(history).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(member()).get(history).then().statusCode(200).body("change[0]", equalTo("ADD"));
        given().get(history).then().statusCode(200).body("change[0]", equalTo("ADD"));
    }

    private static Arguments history(String what, Supplier<String> resource) {
        return arguments(what, resource);
    }

    private static String first(String list, String field) {
        return given().get(list).then().statusCode(200).body("[0]." + field, notNullValue()).extract()
                .path("[0]." + field).toString();
    }
}
