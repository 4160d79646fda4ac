package dk.kdnet.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.local.KdnetStack.Service;
import dk.kdnet.local.Processes;
import dk.kdnet.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two economy-service instances in one consumer group give the charges one instance gives: a second instance joins
 * while decisions flow (the group rebalances mid-stream), both handle membership events, and the end result is
 * compared with the clean one.
 */
@ExtendWith(SystemStack.class)
@Order(Order.DEFAULT + 3)
class ConsumerGroupIT {

    private static final String MEMBERSHIP_EVENTS = "groups.collaboration-memberships";
    private static final int DECISIONS_PER_RUN = 8;

    @Test
    void twoEconomyInstancesInOneConsumerGroupGiveTheChargesOneGives() throws IOException, InterruptedException {
        var random = new Random(7);
        var runs = new ArrayList<FlowRun>();
        for (var collaboration : onePerPartition()) {
            runs.add(FlowRun.prepare("Two instances " + runs.size(), collaboration, DECISIONS_PER_RUN, random));
        }
        var stack = SystemStack.stack();
        var second = stack.launchInstance(Service.ECONOMY, Processes.freePort());
        try {
            var decisions = 0;
            for (var step = 0; step < DECISIONS_PER_RUN; step++) {
                if (step == 2) {
                    // The group rebalances while the decisions go on.
                    second.awaitReady();
                }
                for (var run : runs) {
                    run.decide(run.changes().get(step), "two-instances-" + decisions++, Duration.ofMinutes(1));
                    Thread.sleep(300);
                }
            }
            var problems = new ArrayList<String>();
            for (var run : runs) {
                await().atMost(Duration.ofSeconds(60)).until(() -> run.chargeMismatches(run.charges()).isEmpty());
                var comparison = run.compare();
                comparison.print(line -> System.out.println("consumer group: " + line));
                problems.addAll(comparison.problems());
            }
            var logs = SystemStack.LOGS;
            var byFirst = recalculations(logs.resolve("economy-service.log"));
            var bySecond = recalculations(logs.resolve("economy-service-" + second.url().replaceAll(".*:", "")
                    + ".log"));
            System.out.println("consumer group: membership events handled by the first instance: " + byFirst
                    + ", by the second: " + bySecond);
            assertEquals(List.of(), problems);
            assertTrue(bySecond > 0, "the second instance took part");
        } finally {
            second.close();
        }
    }

    /**
     * Collaborations whose membership events (keyed by collaboration) land on different partitions, one on each, so
     * whichever partitions the second instance is given, it has work.
     */
    private static List<UUID> onePerPartition() {
        var bootstrap = TestInfrastructure.get().bootstrapServers();
        var partitions = KafkaEvents.partitions(bootstrap, MEMBERSHIP_EVENTS);
        var byPartition = new TreeMap<Integer, UUID>();
        for (var i = 0; i < 40 && byPartition.size() < partitions; i++) {
            var collaboration = FlowApi.collaboration("Two instances " + UUID.randomUUID());
            byPartition.putIfAbsent(KafkaEvents.partition(bootstrap, MEMBERSHIP_EVENTS, collaboration.toString()),
                    collaboration);
        }
        return List.copyOf(byPartition.values());
    }

    private static long recalculations(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("recalculated ") && l.contains("collaboration-member")).count();
        }
    }
}
