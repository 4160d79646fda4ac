package dk.kdnet.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} service at the real PostgreSQL and Kafka of this test JVM. */
public class KdnetTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var infrastructure = TestInfrastructure.get();
        var config = new java.util.HashMap<>(TestInfrastructure.verifierConfig());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl("kdnet_test"),
                "quarkus.datasource.username", infrastructure.dbUser(),
                "quarkus.datasource.password", infrastructure.dbPassword(),
                "kafka.bootstrap.servers", infrastructure.bootstrapServers()));
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure outlives one test class; TestInfrastructure stops it when the JVM exits.
    }
}
