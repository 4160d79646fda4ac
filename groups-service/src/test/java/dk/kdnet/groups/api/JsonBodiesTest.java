package dk.kdnet.groups.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
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

    /**
     * The bodies that were on the routing context right after JsonBodies' route, as text: not parsed here, so any
     * other test's malformed body still reaches the resource.
     */
    @ApplicationScoped
    static class BodySeen {
        static final Set<String> READ_FIRST = ConcurrentHashMap.newKeySet();

        void route(@Observes Router router) {
            router.route(PERSONS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(context -> {
                var body = context.body().buffer();
                if (body != null) {
                    READ_FIRST.add(body.toString());
                }
                context.next();
            });
        }

        static boolean readFirst(String name) {
            return READ_FIRST.stream().anyMatch(body -> body.contains(name));
        }
    }

    @Test
    void aSmallJsonBodyIsReadBeforeTheResourceAndReachesIt() {
        var name = "Ida Bendixen " + UUID.randomUUID();
        given().contentType("application/json").body("""
                {"name":"%s","title":"Kommunaldirektør","employerOrganizationId":"%s"}""".formatted(name, RANDERS))
                .post(PERSONS).then().statusCode(201).body("name", equalTo(name));
        assertTrue(BodySeen.readFirst(name));
    }

    @Test
    void aBodyLargerThanTheLimitIsReadTheUsualWay() {
        var name = "Ole Frandsen " + UUID.randomUUID();
        var padding = " ".repeat(70 * 1024);
        given().contentType("application/json").body("""
                {"name":"%s","title":"Direktør","employerOrganizationId":"%s"%s}""".formatted(name, RANDERS, padding))
                .post(PERSONS).then().statusCode(201).body("name", equalTo(name));
        assertFalse(BodySeen.readFirst(name));
    }
}
