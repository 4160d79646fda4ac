package dk.kdnet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end tests: real PostgreSQL and Kafka plus the packaged services as processes; the test's
 * own Quarkus application (the gateway) is pointed at them.
 */
public class KdnetStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static KdnetStack stack;

    @Override
    public synchronized Map<String, String> start() {
        if (stack == null) {
            var infrastructure = TestInfrastructure.get();
            var ports = new EnumMap<KdnetStack.Service, Integer>(KdnetStack.Service.class);
            for (var service : List.of(KdnetStack.Service.GROUPS, KdnetStack.Service.MEETINGS,
                    KdnetStack.Service.ECONOMY)) {
                ports.put(service, Processes.freePort());
            }
            stack = KdnetStack.start(Infrastructure.root(), TestInfrastructure.dataDir().resolve("logs"), infrastructure,
                    ports, TestInfrastructure.tokens(), Map.of(), line -> System.out.println("test stack: " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        var config = new HashMap<String, String>();
        stack.services().forEach((service, process) -> config.put("kdnet.gateway.services." + service.key(),
                process.url()));
        config.put("kafka.bootstrap.servers", TestInfrastructure.get().bootstrapServers());
        config.putAll(TestInfrastructure.verifierConfig());
        return config;
    }

    public static KdnetStack stack() {
        return stack;
    }

    @Override
    public void stop() {
        // Shared by every end-to-end test class in this JVM; stopped when the JVM exits.
    }
}
