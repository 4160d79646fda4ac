package dk.kdnet.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import dk.kdnet.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own checks, before any service is asked. The services point at a closed port, so a
 * request that gets through answers 503: that is how these tests see it was let through.
 */
@QuarkusTest
@TestProfile(GatewaySecurityTest.NoServices.class)
class GatewaySecurityTest {

    public static class NoServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var config = new HashMap<>(TestInfrastructure.verifierConfig());
            for (var area : new String[] {"groups", "meetings", "economy"}) {
                config.put("kdnet.gateway.services." + area, "http://127.0.0.1:1");
            }
            config.put("kdnet.gateway.rate-limit.requests", "5");
            config.put("kdnet.gateway.rate-limit.per", "1h");
            // Every request settles with the database, so two instances' counts are exact at once.
            config.put("kdnet.gateway.rate-limit.local-requests", "0");
            config.putAll(TestInfrastructure.gatewayDatabase());
            config.put("quarkus.http.cors.origins", "https://portal.kdnet.dk");
            // The tests' own connections come from 127.0.0.1: that is the trusted reverse proxy here.
            config.put("KDNET_GATEWAY_TRUSTED_PROXIES", "127.0.0.1");
            // One second of grace after exp (0 means the default, 60), so a test sees an expired token refused soon.
            config.put("mp.jwt.verify.clock.skew", "1");
            return config;
        }
    }

    private static final String WRITE = "/api/groups/organizations";

    @Inject
    JWTParser tokens;

    @Test
    void anonymousWriteIsRefusedWithProblem() {
        given().contentType("application/json").body("{}")
                .when().post(WRITE)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://kdnet.dk/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void aTokenWriteIsPassedOnForItsServiceToCheckTheRole() {
        // Which role an operation needs is the owning service's to say (SecurityMatrixTest walks them all).
        given().auth().oauth2(TestInfrastructure.tokens().forRole("member"))
                .contentType("application/json").body("{}")
                .when().post(WRITE)
                .then().statusCode(503);
    }

    @Test
    void secretariatWriteIsPassedOn() {
        given().auth().oauth2(TestInfrastructure.tokens().forRole("secretariat"))
                .contentType("application/json").body("{}")
                .when().post(WRITE)
                .then().statusCode(503);
    }

    @Test
    void anonymousReadIsPassedOn() {
        given().when().get("/api/meetings").then().statusCode(503);
    }

    @Test
    void forgedOrExpiredTokenIsRefusedEvenOnReads() {
        var token = TestInfrastructure.tokens().forRole("secretariat");
        var forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged)
                .when().get("/api/meetings")
                .then().statusCode(401)
                .body("type", equalTo("https://kdnet.dk/problems/unauthorized"));
    }

    @Test
    void aTokenIsVerifiedOnceAndRefusedOnceItExpires() throws ParseException {
        var token = TestInfrastructure.tokens().forRole("member", Duration.ofSeconds(2));
        var first = tokens.parse(token);
        assertSame(first, tokens.parse(token), "the second use of a verified token is not verified again");
        given().auth().oauth2(token).when().get("/api/meetings").then().statusCode(503);

        // Refused once exp and the 1 s of clock skew have passed, though the token was verified and remembered.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> refused(token));
        given().auth().oauth2(token)
                .when().get("/api/meetings")
                .then().statusCode(401)
                .body("type", equalTo("https://kdnet.dk/problems/unauthorized"));
    }

    private boolean refused(String token) {
        try {
            tokens.parse(token);
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    @Test
    void clientOverItsRateGets429WithRetryAfter() {
        var token = TestInfrastructure.tokens().forClient("rate-test-client", null);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/economy/charges").then().statusCode(503);
        }
        given().auth().oauth2(token)
                .when().get("/api/economy/charges")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("type", equalTo("https://kdnet.dk/problems/too-many-requests"));
    }

    @Inject
    DataSource dataSource;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Test
    void twoGatewayInstancesShareOneBudget() {
        // Another gateway instance: buckets of its own in memory, the same database.
        var other = new RateLimiter(dataSource, config, vertx);
        var token = TestInfrastructure.tokens().forClient("shared-budget-client", null);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/economy/charges").then().statusCode(503);
        }
        assertFalse(other.tryConsumeShared("token:shared-budget-client").isConsumed(), "spent at the first instance");
        for (int i = 0; i < 5; i++) {
            assertTrue(other.tryConsumeShared("token:busy-elsewhere").isConsumed());
        }
        given().auth().oauth2(TestInfrastructure.tokens().forClient("busy-elsewhere", null))
                .when().get("/api/economy/charges")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
    }

    /**
     * Instances counting on their own between settlements (the default, local-requests 10; here 2 of 6 an hour, and
     * whatever is unsettled after 200 ms).
     */
    @Test
    void instancesCountingLocallySettleWithTheSharedBudget() {
        var limit = new GatewayConfig.RateLimit() {
            public long requests() {
                return 6;
            }

            public Duration per() {
                return Duration.ofHours(1);
            }

            public long localRequests() {
                return 2;
            }

            public Duration localFor() {
                return Duration.ofMillis(200);
            }
        };
        var first = new RateLimiter(dataSource, limit, vertx);
        var second = new RateLimiter(dataSource, limit, vertx);
        var client = "token:local-" + UUID.randomUUID();

        for (int i = 0; i < 4; i++) {
            assertTrue(first.tryConsume(client).isConsumed(), "request " + (i + 1) + " of 6 at the first instance");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> first.settled(client));
        // The second learns the shared level (2 left) at the client's first request there, which it lets through.
        assertTrue(second.tryConsume(client).isConsumed());
        await().atMost(Duration.ofSeconds(10)).until(() -> second.settled(client));
        assertTrue(second.tryConsume(client).isConsumed(), "the 6th");
        var refused = second.tryConsume(client);
        assertFalse(refused.isConsumed(), "the 7th, at the instance that saw the 6th");
        assertTrue(refused.getNanosToWaitForRefill() > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.settled(client));

        // The first counted 2 left when it last settled: it lets through at most local-requests more, then refuses.
        var more = 0;
        for (int i = 0; i < 3; i++) {
            more += first.tryConsume(client).isConsumed() ? 1 : 0;
        }
        assertTrue(more <= 2, more + " let through over the limit");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.settled(client));
        assertFalse(first.tryConsume(client).isConsumed());
        assertFalse(second.tryConsume(client).isConsumed());
    }

    @Test
    void corsOnlyForThePortalOrigin() {
        given().header("Origin", "https://portal.kdnet.dk").header("Access-Control-Request-Method", "GET")
                .when().options("/api/groups/organizations")
                .then().header("Access-Control-Allow-Origin", equalTo("https://portal.kdnet.dk"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/groups/organizations")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void corsPreflightAllowsConditionalRequests() {
        given().header("Origin", "https://portal.kdnet.dk").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,if-none-match")
                .when().options("/api/groups/organizations/3a2f36c7-1028-3fa6-a05f-9b3d96d71139")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://portal.kdnet.dk"))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("PUT"))
                .header("Access-Control-Allow-Headers", allOf(containsStringIgnoringCase("If-Match"),
                        containsStringIgnoringCase("If-None-Match"), containsStringIgnoringCase("Authorization")));
    }

    @Test
    void corsResponsesExposeWhatThePortalReads() {
        // Its own forwarded address, so that it does not spend the anonymous bucket of 127.0.0.1 other tests use.
        given().header("Origin", "https://portal.kdnet.dk").header("X-Forwarded-For", "203.0.113.50")
                .when().get("/api/meetings")
                .then().statusCode(503)
                .header("Access-Control-Allow-Origin", equalTo("https://portal.kdnet.dk"))
                .header("Access-Control-Expose-Headers", allOf(containsStringIgnoringCase("ETag"),
                        containsStringIgnoringCase("Location"), containsStringIgnoringCase("Content-Disposition"),
                        containsStringIgnoringCase("Retry-After")));
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBucket() {
        for (int i = 0; i < 5; i++) {
            anonymousReadForwardedFor("203.0.113.7").then().statusCode(503);
        }
        anonymousReadForwardedFor("203.0.113.7").then().statusCode(429);
        // Another caller behind the same proxy is not kept waiting by the busy one.
        anonymousReadForwardedFor("203.0.113.8").then().statusCode(503);
        given().header("Forwarded", "for=203.0.113.9").when().get("/api/meetings").then().statusCode(503);
    }

    private static Response anonymousReadForwardedFor(String client) {
        return given().header("X-Forwarded-For", client).when().get("/api/meetings");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() throws IOException, InterruptedException {
        // From 127.0.0.2, which is not a trusted proxy: every request counts against that address, whatever it
        // claims to forward for. Were the header believed, each of these would have a bucket of its own.
        var http = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        var meetings = URI.create("http://127.0.0.1:" + RestAssured.port + "/api/meetings");
        for (int i = 0; i < 5; i++) {
            assertEquals(503, http.send(HttpRequest.newBuilder(meetings).header("X-Forwarded-For", "198.51.100." + i)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        var refused = http.send(HttpRequest.newBuilder(meetings).header("X-Forwarded-For", "198.51.100.99")
                .header("Forwarded", "for=198.51.100.98").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode(), refused.body());
    }

    @Test
    void securityHeadersOnEveryResponse() {
        given().when().get("/health")
                .then().header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void oversizedBodyIs413() {
        given().auth().oauth2(TestInfrastructure.tokens().forRole("secretariat"))
                .contentType("application/json").body(new byte[13 * 1024 * 1024])
                .when().post(WRITE)
                .then().statusCode(413);
    }
}
