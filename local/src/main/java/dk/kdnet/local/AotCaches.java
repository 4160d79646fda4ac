package dk.kdnet.local;

import dk.kdnet.local.KdnetStack.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kdnet up} on JDK 25+: each service's AOT cache (JEP 483/514/515), recorded from a start against the real
 * PostgreSQL and Kafka and a few reads through the gateway. A cache recorded at build time sees neither, so the
 * classes of Hibernate ORM's runtime, Flyway and the Kafka client (about 7,900 of the 17,500 groups-service loads)
 * would still be loaded and linked at every start: 4.3 s to ready instead of 2.1 s here, and 16 MB more resident.
 */
final class AotCaches {

    private static final List<String> FIRST_READS = List.of("/api/groups/organizations", "/api/groups/collaborations",
            "/api/meetings", "/api/economy/schemes", "/api/economy/budgets", "/api/subscriptions", "/openapi",
            "/health");

    private AotCaches() {}

    /** Whether a service lacks its cache: a build packages the application afresh, without one. */
    static boolean missing(Path root) {
        return Runtime.version().feature() >= 25
                && Arrays.stream(Service.values()).anyMatch(service -> !Files.exists(cache(root, service)));
    }

    /**
     * Starts the stack with every process recording its cache, and reads through the gateway as clients first do.
     * Closing the stack writes the caches; then {@link #report}.
     */
    static KdnetStack startRecording(Path root, Path logDir, Infrastructure infrastructure,
            Map<Service, Integer> ports, LocalTokens tokens, Infrastructure.Log log) throws IOException {
        log.info("recording each service's AOT cache from a first start (once after each build, about a minute)");
        for (var service : Service.values()) {
            Files.deleteIfExists(cache(root, service));
        }
        var stack = KdnetStack.start(root, logDir, infrastructure, ports, tokens, Map.of(), log, true);
        readAsClientsDo(stack.service(Service.GATEWAY).url(), tokens.forRole("secretariat"));
        log.info("writing the AOT caches");
        return stack;
    }

    static void report(Path root, Path logDir, Infrastructure.Log log) {
        var without = Arrays.stream(Service.values()).filter(service -> !Files.exists(cache(root, service)))
                .map(service -> service.module).toList();
        if (!without.isEmpty()) {
            log.info("no AOT cache recorded for " + without + " (see " + logDir + "); they start without one");
        }
    }

    // Anonymous and with a token: what serving them loads and links goes into the cache too.
    private static void readAsClientsDo(String gateway, String token) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (var path : FIRST_READS) {
            for (var authorized : List.of(false, true)) {
                var request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
                if (authorized) {
                    request.header("Authorization", "Bearer " + token);
                }
                try {
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    // A read that fails records less; the services start all the same.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Path cache(Path root, Service service) {
        return root.resolve(service.module).resolve("target/quarkus-app").resolve(ServiceProcess.AOT_CACHE);
    }
}
