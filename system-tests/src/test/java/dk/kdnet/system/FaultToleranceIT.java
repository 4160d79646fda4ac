package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decisions with membership effects flow while services crash, Kafka goes away and events arrive twice; at the end
 * every membership and every charge is what a clean run gives: nothing lost, nothing doubled.
 *
 * <p>The reduced run of {@code ./mvnw verify}: 20 decisions, one service killed, Kafka down 10 s, one decision
 * event delivered twice. {@code bench/faults.sh} runs the full version through the same system properties:
 * {@code kdnet.faults.decisions}, {@code kdnet.faults.kill} (services, comma-separated), {@code
 * kdnet.faults.kafka-outage} (e.g. 60s), {@code kdnet.faults.duplicates} (a count, or a share such as 0.1),
 * {@code kdnet.faults.pace} (ms between decisions) and {@code kdnet.faults.seed}.
 */
@ExtendWith(SystemStack.class)
@Order(Order.DEFAULT + 2)
class FaultToleranceIT {

    @Test
    void decisionsThroughCrashesAndAKafkaOutageEndAsACleanRunWould() throws InterruptedException {
        var plan = FaultPlan.fromSystemProperties();
        log("plan: " + plan);
        var run = FlowRun.prepare("Fault run " + plan.seed(), plan.decisions(), new Random(plan.seed()));
        var deadLettersBefore = deadLetters();

        var posted = new AtomicInteger();
        var faults = faults(plan, run, posted);
        var nextFault = new AtomicInteger(faults.isEmpty() ? Integer.MAX_VALUE : faults.getFirst().getKey());
        var failure = new AtomicReference<Throwable>();
        var chaos = new Thread(() -> runFaults(faults, posted, nextFault), "faults");
        chaos.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
        chaos.start();
        var started = Instant.now();
        for (var change : run.changes()) {
            // Decisions go on during a fault, but not past the moment of the next one while this one lasts.
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> posted.get() <= nextFault.get() || !chaos.isAlive());
            run.decide(change, "fault-run-" + posted.get(), Duration.ofMinutes(5));
            posted.incrementAndGet();
            // Pacing, not waiting: decisions arrive at the planned rate, faults or not.
            Thread.sleep(plan.pace());
        }
        chaos.join();
        if (failure.get() != null) {
            throw new AssertionError("a fault could not be carried out", failure.get());
        }
        log("all " + plan.decisions() + " decisions recorded in " + Duration.between(started, Instant.now()).toSeconds()
                + " s; waiting for the flow to settle");

        try {
            await().atMost(plan.settle()).pollInterval(Duration.ofSeconds(1))
                    .until(() -> run.chargeMismatches(run.charges()).isEmpty());
        } catch (ConditionTimeoutException e) {
            printWhereTheFlowStands();
            var comparison = run.compare();
            comparison.print(FaultToleranceIT::log);
            throw new AssertionError("not settled within " + plan.settle() + ": " + comparison.problems(), e);
        }
        log("settled " + Duration.between(started, Instant.now()).toSeconds() + " s after the first decision");

        var comparison = run.compare();
        comparison.print(FaultToleranceIT::log);
        assertEquals(List.of(), comparison.problems());
        assertEquals(deadLettersBefore, deadLetters(), "no event ended as a dead letter");
    }

    /** What a run that does not settle leaves to go on: each service's outbox and its warnings. */
    private static void printWhereTheFlowStands() {
        SystemStack.stack().services().forEach((service, process) -> {
            try {
                var metrics = given().baseUri(process.url()).port(-1).get("/q/metrics").asString();
                metrics.lines().filter(line -> line.startsWith("kdnet_outbox_backlog")
                                || line.startsWith("kdnet_outbox_oldest") || line.startsWith("kdnet_outbox_relay_listening"))
                        .forEach(line -> log(service.module + ": " + line));
                // A consumer channel that gave up (a record unacknowledged too long) shows here as DOWN.
                log(service.module + " readiness: " + given().baseUri(process.url()).port(-1)
                        .get("/q/health/ready").asString().replaceAll("\\s+", " "));
                var warnings = Files.readAllLines(process.log()).stream()
                        .filter(line -> line.contains("WARN") || line.contains("ERROR")).toList();
                warnings.subList(Math.max(0, warnings.size() - 30), warnings.size())
                        .forEach(line -> log(service.module + " log: " + line));
            } catch (IOException | RuntimeException e) {
                log(service.module + ": could not be asked (" + e + ")");
            }
        });
    }

    /** The faults of the plan, each at a random moment (a number of decisions recorded), in order. */
    private static List<Map.Entry<Integer, Runnable>> faults(FaultPlan plan, FlowRun run, AtomicInteger posted) {
        var random = new Random(plan.seed() + 1);
        var faults = new ArrayList<Map.Entry<Integer, Runnable>>();
        var stack = SystemStack.stack();
        var n = plan.decisions();
        for (var service : plan.kills()) {
            faults.add(Map.entry(moment(random, n), () -> {
                log("kill -9 " + service.module + " after decision " + posted.get());
                var process = stack.service(service);
                process.kill();
                var down = Instant.now();
                process.restart();
                log(service.module + " back after " + Duration.between(down, Instant.now()).toMillis() + " ms");
            }));
        }
        if (!plan.kafkaOutage().isZero()) {
            faults.add(Map.entry(moment(random, n), () -> {
                log("Kafka stopped (kill -9) for " + plan.kafkaOutage().toSeconds() + " s after decision "
                        + posted.get());
                var down = Instant.now();
                TestInfrastructure.get().kafka().outage(plan.kafkaOutage());
                log("Kafka back after " + Duration.between(down, Instant.now()).toMillis() + " ms");
            }));
        }
        var duplicates = plan.duplicates(n);
        if (duplicates > 0) {
            // Late enough that there are decision events to deliver again.
            faults.add(Map.entry(Math.max(moment(random, n), n / 2), () -> {
                var resent = redeliver(run.decisionIds(), duplicates, random);
                log("delivered " + resent + " decision events a second time (same ce_id) after decision "
                        + posted.get());
            }));
        }
        faults.sort(Comparator.comparing(Map.Entry::getKey));
        return faults;
    }

    private static void runFaults(List<Map.Entry<Integer, Runnable>> faults, AtomicInteger posted,
            AtomicInteger nextFault) {
        for (var i = 0; i < faults.size(); i++) {
            var due = faults.get(i).getKey();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> posted.get() >= due);
            nextFault.set(i + 1 < faults.size() ? faults.get(i + 1).getKey() : Integer.MAX_VALUE);
            faults.get(i).getValue().run();
        }
    }

    /** A random moment in the middle 80 % of the run. */
    private static int moment(Random random, int decisions) {
        return decisions / 10 + random.nextInt(Math.max(1, decisions * 8 / 10));
    }

    /** Sends {@code count} of the decision events already on meetings.decisions again, as a broker might. */
    private static int redeliver(Map<UUID, UUID> decisionIds, int count, Random random) {
        var bootstrap = TestInfrastructure.get().bootstrapServers();
        var ours = new HashSet<String>();
        decisionIds.values().forEach(id -> ours.add(id.toString()));
        var records = new ArrayList<>(KafkaEvents.all(bootstrap, "meetings.decisions",
                r -> ours.stream().anyMatch(id -> r.value().contains(id)), Duration.ofSeconds(3)));
        Collections.shuffle(records, random);
        var resent = records.subList(0, Math.min(count, records.size()));
        for (ConsumerRecord<String, String> record : resent) {
            var headers = new HashMap<String, String>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            KafkaEvents.send(bootstrap, record.topic(), record.key(), record.value(), headers);
        }
        return resent.size();
    }

    private static long deadLetters() {
        return given().auth().oauth2(FlowApi.SECRETARIAT).get("/api/economy/admin/dead-letters").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    static void log(String line) {
        System.out.println("faults: " + line);
    }

    /** What the run does; the defaults are the reduced run of ./mvnw verify. */
    record FaultPlan(int decisions, List<Service> kills, Duration kafkaOutage, double duplicateShare, long pace,
            long seed, Duration settle) {

        static FaultPlan fromSystemProperties() {
            var kills = new ArrayList<Service>();
            for (var name : System.getProperty("kdnet.faults.kill", "groups").split(",")) {
                if (!name.isBlank()) {
                    kills.add(Service.valueOf(name.strip().toUpperCase()));
                }
            }
            var outage = System.getProperty("kdnet.faults.kafka-outage", "10s");
            return new FaultPlan(Integer.getInteger("kdnet.faults.decisions", 20), kills,
                    Duration.parse("PT" + outage.toUpperCase()),
                    Double.parseDouble(System.getProperty("kdnet.faults.duplicates", "1")),
                    Long.getLong("kdnet.faults.pace", 250),
                    Long.getLong("kdnet.faults.seed", System.nanoTime() % 100_000),
                    Duration.parse("PT" + System.getProperty("kdnet.faults.settle", "240s").toUpperCase()));
        }

        /** A share below 1 is of the decisions; 1 and more is a count. */
        int duplicates(int decisions) {
            return duplicateShare < 1 ? (int) Math.ceil(duplicateShare * decisions) : (int) duplicateShare;
        }
    }
}
