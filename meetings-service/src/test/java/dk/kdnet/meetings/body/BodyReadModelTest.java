package dk.kdnet.meetings.body;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.kdnet.meetings.Fixtures;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class BodyReadModelTest extends AsSecretariat {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aBodyRegisteredAndRenamedInGroupsServiceIsKnownHere() {
        var body = UUID.randomUUID();
        given().get("/api/meetings/bodies/" + body).then().statusCode(404);
        Fixtures.send(bootstrap, "groups.bodies", body, "dk.kdnet.groups.body-registered.v1", """
                {"bodyId":"%s","kind":"STEERING_GROUP","name":"KOSU","shortName":"KOSU","validFrom":"2022-01-01"}"""
                .formatted(body));
        Fixtures.send(bootstrap, "groups.bodies", body, "dk.kdnet.groups.body-changed.v1", """
                {"bodyId":"%s","kind":"STEERING_GROUP","name":"KOSU (den kommunale sundhedsstyregruppe)",
                 "shortName":"KOSU","validFrom":"2022-01-01"}""".formatted(body));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/meetings/bodies/" + body).then()
                .statusCode(200).body("name", equalTo("KOSU (den kommunale sundhedsstyregruppe)"))
                .body("kind", equalTo("STEERING_GROUP")).body("numbering", equalTo("PER_MEETING")));
    }
}
