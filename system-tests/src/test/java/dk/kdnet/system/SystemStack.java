package dk.kdnet.system;

import dk.kdnet.local.Infrastructure;
import dk.kdnet.local.KdnetStack;
import dk.kdnet.local.Processes;
import dk.kdnet.testing.TestInfrastructure;
import dk.kdnet.testing.contract.ContractCallbacks;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole stack as it is deployed: real PostgreSQL and Kafka, the packaged services and the packaged gateway, each a
 * process of its own, started once for every system test of this JVM and stopped when it exits. RestAssured talks to
 * the gateway, and every call is checked against the merged OpenAPI document, as in the services' own tests.
 */
public final class SystemStack implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static KdnetStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        var gateway = start().service(KdnetStack.Service.GATEWAY);
        var url = URI.create(gateway.url());
        RestAssured.baseURI = url.getScheme() + "://" + url.getHost();
        RestAssured.port = url.getPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ContractCallbacks.before(context.getRequiredTestClass());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ContractCallbacks.after();
    }

    /**
     * The services' logs, one file per instance: kept after the run (not under the test infrastructure's temporary
     * folder), for .ci/run to show what they said when a test failed; those of an earlier run go.
     */
    static final Path LOGS = Path.of("target", "stack-logs").toAbsolutePath();

    public static synchronized KdnetStack stack() {
        return start();
    }

    /** The gateway's URL, e.g. http://127.0.0.1:41234. */
    public static URI gateway() {
        return URI.create(start().service(KdnetStack.Service.GATEWAY).url());
    }

    private static synchronized KdnetStack start() {
        if (stack == null) {
            var ports = new EnumMap<KdnetStack.Service, Integer>(KdnetStack.Service.class);
            for (var service : KdnetStack.Service.values()) {
                ports.put(service, Processes.freePort());
            }
            // The system tests send far more than a client would in a minute; the gateway's own tests test the limit.
            Processes.run(List.of("rm", "-rf", LOGS.toString()), Path.of("/"));
            stack = KdnetStack.start(Infrastructure.root(), LOGS,
                    TestInfrastructure.get(), ports, TestInfrastructure.tokens(),
                    Map.of("KDNET_GATEWAY_RATE_LIMIT_REQUESTS", "100000",
                            // The live stream (StreamIT): heartbeats often enough to see, a slow client dropped
                            // after 16 KiB unread, and a topic of the test's own, which it empties as retention would.
                            "KDNET_STREAM_HEARTBEAT", "1s", "KDNET_STREAM_WRITE_QUEUE_MAX_SIZE", "16384",
                            "KDNET_STREAM_TOPICS", "groups.organizations,groups.persons,groups.bodies,"
                                    + "groups.body-memberships,groups.collaborations,groups.collaboration-memberships,"
                                    + "meetings.meetings,meetings.decisions,economy.charges,stream.test"),
                    line -> System.out.println("system stack: " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }
}
