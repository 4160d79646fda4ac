package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.local.Processes;
import dk.kdnet.local.ServiceProcess;
import dk.kdnet.testing.TestInfrastructure;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two packaged gateways on one database count a client's requests together (issue 21): with a limit of 17 an hour
 * and nothing counted locally, 34 requests alternating between them are 17 answered and 17 refused, whichever gateway
 * each went to.
 */
@ExtendWith(SystemStack.class)
class SharedRateLimitIT {

    private static final int LIMIT = 17;
    private static final String PATH = "/api/groups/organizations";

    @Test
    void twoGatewaysLetAClientThroughExactlyItsLimitBetweenThem() {
        var stack = SystemStack.stack();
        var settings = Map.of("KDNET_GATEWAY_RATE_LIMIT_REQUESTS", Integer.toString(LIMIT),
                "KDNET_GATEWAY_RATE_LIMIT_PER", "1h", "KDNET_GATEWAY_RATE_LIMIT_LOCAL_REQUESTS", "0");
        var gateways = new ArrayList<ServiceProcess>();
        try {
            gateways.add(stack.launchInstance(Service.GATEWAY, Processes.freePort(), settings));
            gateways.add(stack.launchInstance(Service.GATEWAY, Processes.freePort(), settings));
            gateways.forEach(ServiceProcess::awaitReady);
            // A client of this run only: nothing it did before counts.
            var token = TestInfrastructure.tokens().forClient("shared-limit-" + UUID.randomUUID(), null);

            var statuses = new ArrayList<Integer>();
            var retryAfters = new ArrayList<Integer>();
            for (int n = 0; n < 2 * LIMIT; n++) {
                var port = URI.create(gateways.get(n % 2).url()).getPort();
                var response = given().port(port).auth().oauth2(token).queryParam("size", 1).get(PATH);
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    var problem = response.jsonPath();
                    assertEquals("application/problem+json", response.contentType());
                    assertEquals("https://kdnet.dk/problems/too-many-requests", problem.getString("type"));
                    assertEquals("Too many requests", problem.getString("title"));
                    assertEquals(429, problem.getInt("status"));
                    assertEquals(PATH, problem.getString("instance"));
                    var retryAfter = Integer.parseInt(response.header("Retry-After"));
                    assertEquals("Rate limit of 17 requests per PT1H reached; retry after " + retryAfter + " s.",
                            problem.getString("detail"));
                    retryAfters.add(retryAfter);
                }
            }

            var expected = new ArrayList<Integer>();
            expected.addAll(Collections.nCopies(LIMIT, 200));
            expected.addAll(Collections.nCopies(LIMIT, 429));
            assertEquals(expected, statuses, "17 answered, then 17 refused, alternating between the two gateways");
            // The next of 17 an hour comes about 3600 / 17 = 211.8 s after the first was taken (greedy refill).
            assertTrue(retryAfters.stream().allMatch(seconds -> seconds > 150 && seconds <= 212), retryAfters.toString());
            assertEquals(retryAfters.stream().sorted(Comparator.reverseOrder()).toList(), retryAfters,
                    "counting down");
            System.out.println("SharedRateLimitIT: statuses " + statuses + ", Retry-After " + retryAfters);
        } finally {
            gateways.forEach(ServiceProcess::close);
        }
    }
}
