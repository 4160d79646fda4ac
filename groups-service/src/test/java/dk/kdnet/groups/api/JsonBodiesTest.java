package dk.kdnet.groups.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A small JSON body is read on the event loop before the resource's thread takes over (dk.kdnet.web.JsonBodies), and
 * the resource gets it from there; a large one is read the usual way, and works as well.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class JsonBodiesTest extends AsSecretariat {

    private static final String PERSONS = "/api/groups/persons";
    private static final UUID RANDERS = ReferenceIds.organization("randers");

    /** Notes, by the name a request creates, whether its body was on the routing context after JsonBodies' route. */
    @ApplicationScoped
    static class BodySeen {
        static final Map<String, Boolean> READ_FIRST = new ConcurrentHashMap<>();

        void route(@Observes Router router) {
            router.route(PERSONS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(context -> {
                var body = context.body().buffer();
                if (body != null) {
                    READ_FIRST.put(body.toJsonObject().getString("name"), true);
                }
                context.next();
            });
        }
    }

    @Test
    void aSmallJsonBodyIsReadBeforeTheResourceAndReachesIt() {
        var name = "Ida Bendixen " + UUID.randomUUID();
        given().contentType("application/json").body("""
                {"name":"%s","title":"Kommunaldirektør","employerOrganizationId":"%s"}""".formatted(name, RANDERS))
                .post(PERSONS).then().statusCode(201).body("name", equalTo(name));
        assertEquals(Boolean.TRUE, BodySeen.READ_FIRST.get(name));
    }

    @Test
    void aBodyLargerThanTheLimitIsReadTheUsualWay() {
        var name = "Ole Frandsen " + UUID.randomUUID();
        var padding = " ".repeat(70 * 1024);
        given().contentType("application/json").body("""
                {"name":"%s","title":"Direktør","employerOrganizationId":"%s"%s}""".formatted(name, RANDERS, padding))
                .post(PERSONS).then().statusCode(201).body("name", equalTo(name));
        assertEquals(null, BodySeen.READ_FIRST.get(name));
    }
}
