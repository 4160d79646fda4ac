package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.local.Processes;
import dk.kdnet.local.ServiceProcess;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of every service behind a gateway that balances over them ({@code ./kdnet up --replicas 2}), under
 * steady reads and writes, while each service loses one instance to kill -9 in turn: no read fails, every write the
 * gateway acknowledged is there exactly once (and one it answered with a problem at most once), every event arrives
 * (each created organization reaches economy-service; the charges after the decisions are what a clean run gives),
 * and the outbox relay of each database publishes from one instance at a time, the survivor taking over.
 */
@ExtendWith(SystemStack.class)
@Order(Order.DEFAULT + 6)
class ReplicasIT {

    private static final List<Service> SERVICES = List.of(Service.GROUPS, Service.MEETINGS, Service.ECONOMY);
    private static final int DECISIONS = 18;
    private static final int KILL_EVERY = 6;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern RELAYED = Pattern.compile("(?m)^kdnet_outbox_relayed_total(?:\\{[^}]*})? ([0-9.E]+)");

    private final Map<Service, List<ServiceProcess>> instances = new EnumMap<>(Service.class);
    private final List<String> failedReads = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Map<String, UUID> acknowledged = new ConcurrentHashMap<>();
    private final List<String> answeredWithProblem = new CopyOnWriteArrayList<>();

    @Test
    void killingOneInstanceOfEachServiceLosesNoReadAndNoWrite() throws Exception {
        var stack = SystemStack.stack();
        var extra = new ArrayList<ServiceProcess>();
        var previousPort = RestAssured.port;
        try {
            var gatewayEnv = new HashMap<String, String>();
            for (var service : SERVICES) {
                var second = stack.launchInstance(service, Processes.freePort());
                extra.add(second);
                instances.put(service, List.of(stack.service(service), second));
            }
            extra.forEach(ServiceProcess::awaitReady);
            instances.forEach((service, both) -> gatewayEnv.put("KDNET_GATEWAY_SERVICES_" + service.name(),
                    both.get(0).url() + "," + both.get(1).url()));
            gatewayEnv.put("KDNET_GATEWAY_READINESS_INTERVAL", "1s");
            var gateway = stack.launchInstance(Service.GATEWAY, Processes.freePort(), gatewayEnv).awaitReady();
            extra.add(gateway);
            RestAssured.port = URI.create(gateway.url()).getPort();

            var run = FlowRun.prepare("Replicas", DECISIONS, new Random(21));
            var relayedBefore = relayed(instances.get(Service.GROUPS).get(0));
            var stop = new AtomicBoolean();
            var reader = Thread.ofPlatform().name("reader").start(() -> read(gateway.url(), run.scheme(), stop));

            var posted = new AtomicInteger();
            var allowed = new AtomicInteger(KILL_EVERY);
            var chaosFailure = new AtomicReference<Throwable>();
            var chaos = Thread.ofPlatform().name("chaos").unstarted(() -> killInTurn(posted, allowed));
            chaos.setUncaughtExceptionHandler((thread, e) -> chaosFailure.set(e));
            chaos.start();
            var writes = 0;
            // Writes go on until every service has lost an instance and has it back, and every decision is recorded;
            // decisions stop at each kill's moment until it has happened, so some are recorded while it lasts.
            while (chaos.isAlive() || posted.get() < DECISIONS) {
                if (posted.get() < Math.min(allowed.get(), DECISIONS)) {
                    run.decide(run.changes().get(posted.get()), "replicas-" + posted.get(), Duration.ofMinutes(2));
                    posted.incrementAndGet();
                }
                create("Replicas org " + writes++);
                Thread.sleep(150);
            }
            stop.set(true);
            reader.join();
            chaos.join();
            if (chaosFailure.get() != null) {
                throw new AssertionError("an instance could not be killed or started again", chaosFailure.get());
            }
            log(reads.get() + " reads, " + failedReads.size() + " failed; " + writes + " organizations created, "
                    + acknowledged.size() + " acknowledged, " + answeredWithProblem.size() + " answered with a problem");

            assertEquals(List.of(), failedReads, "no read through the gateway failed");
            assertTrue(reads.get() > 100, "the reader kept reading: " + reads.get());
            assertCreatedOnceAndDelivered();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> run.chargeMismatches(run.charges()).isEmpty());
            var comparison = run.compare();
            comparison.print(ReplicasIT::log);
            assertEquals(List.of(), comparison.problems());
            // groups-service's relays took turns (the advisory lock keeps them from publishing at the same time): the
            // first published during the run, and so did the second, killed and started again, since its new start.
            var groups = instances.get(Service.GROUPS);
            log("groups-service events relayed by " + groups.get(0).url() + ": " + relayedBefore + " before the run, "
                    + relayed(groups.get(0)) + " after; by " + groups.get(1).url() + " since its restart: "
                    + relayed(groups.get(1)));
            assertTrue(relayed(groups.get(0)) > relayedBefore, "the first instance's relay published during the run");
            assertTrue(relayed(groups.get(1)) > 0, "the restarted instance's relay published");
        } finally {
            RestAssured.port = previousPort;
            extra.forEach(ServiceProcess::close);
        }
    }

    /**
     * kill -9 of one instance of each service in turn (the second of groups-service, the first of meetings-service,
     * the second of economy-service) after every {@link #KILL_EVERY} decisions, and the instance started again.
     */
    private void killInTurn(AtomicInteger posted, AtomicInteger allowed) {
        var which = 1;
        for (var service : SERVICES) {
            var due = allowed.get();
            await().atMost(Duration.ofMinutes(5)).until(() -> posted.get() >= due);
            var victim = instances.get(service).get(which);
            which = 1 - which;
            log("kill -9 " + victim.module() + " at " + victim.url() + " after decision " + posted.get());
            victim.kill();
            allowed.addAndGet(KILL_EVERY);
            var down = Instant.now();
            // The other instance carries the load alone for a while.
            sleep(Duration.ofSeconds(4));
            victim.restart();
            log(victim.module() + " back after " + Duration.between(down, Instant.now()).toMillis() + " ms");
        }
    }

    /** Reads of each service through the gateway, as fast as they come, until stopped; any answer but 200 fails. */
    private void read(String gateway, UUID scheme, AtomicBoolean stop) {
        var paths = List.of("/api/groups/organizations?size=5", "/api/meetings?size=5",
                "/api/economy/charges?scheme=" + scheme + "&year=" + FlowRun.YEAR + "&size=5",
                "/api/groups/collaborations?size=5", "/api/economy/schemes/" + scheme);
        for (var i = 0; !stop.get(); i++) {
            var path = paths.get(i % paths.size());
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failedReads.add(Instant.now() + " GET " + path + ": " + response.statusCode() + " "
                            + response.body());
                }
            } catch (java.io.IOException e) {
                failedReads.add(Instant.now() + " GET " + path + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reads.incrementAndGet();
        }
    }

    /**
     * Creates an organization once, as a careful client would: a 201 is acknowledged; any other answer is not sent
     * again (the gateway never sends a write twice, and a write cut off by a crash may have been carried out).
     */
    private void create(String name) {
        var answer = FlowApi.call("POST", "/api/groups/organizations", Map.of("kind", "OTHER", "name", name), null);
        if (answer.status() == 201) {
            acknowledged.put(name, UUID.fromString(answer.body().path("id").asText()));
        } else {
            assertTrue(answer.status() == 502 || answer.status() == 503,
                    "a write that fails answers 502 or 503: " + answer);
            answeredWithProblem.add(name);
        }
    }

    private void assertCreatedOnceAndDelivered() {
        var byName = new HashMap<String, Integer>();
        for (var page = 0; ; page++) {
            var items = given().queryParam("size", 200).queryParam("page", page).queryParam("kind", "OTHER")
                    .get("/api/groups/organizations").then().statusCode(200).extract().jsonPath()
                    .<String>getList("items.name");
            items.forEach(name -> byName.merge(name, 1, Integer::sum));
            if (items.size() < 200) {
                break;
            }
        }
        acknowledged.keySet().forEach(name -> assertEquals(1, byName.getOrDefault(name, 0), name + " exactly once"));
        answeredWithProblem.forEach(name -> assertTrue(byName.getOrDefault(name, 0) <= 1, name + " at most once"));
        // Each organization's event reached economy-service's read model.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> acknowledged.values().forEach(id ->
                given().get("/api/economy/organizations/" + id).then().statusCode(200)));
    }

    /** Events this instance's outbox relay has published since it started (its /q/metrics). */
    private static double relayed(ServiceProcess instance) {
        try {
            var metrics = HTTP.send(HttpRequest.newBuilder(URI.create(instance.url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var matcher = RELAYED.matcher(metrics);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String line) {
        System.out.println("replicas: " + line);
    }
}
