package dk.kdnet.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL and Kafka for the services: started here as processes of their own, or external ones
 * named by {@code KDNET_DB_URL}/{@code KDNET_DB_USER}/{@code KDNET_DB_PASSWORD} and
 * {@code KDNET_KAFKA_BOOTSTRAP}.
 */
public final class Infrastructure implements AutoCloseable {

    /** One database per service and the gateway; no service reads another's. */
    public static final List<String> DATABASES = List.of("groups", "meetings", "economy", "notifications", "gateway",
            "kdnet_test");

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final String dbBaseUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String bootstrapServers;

    private Infrastructure(PostgresServer postgres, KafkaServer kafka, String dbBaseUrl, String dbUser,
            String dbPassword, String bootstrapServers) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.dbBaseUrl = dbBaseUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.bootstrapServers = bootstrapServers;
    }

    public record Ports(int postgres, int kafka, int kafkaController) {
        public static Ports free() {
            return new Ports(Processes.freePort(), Processes.freePort(), Processes.freePort());
        }
    }

    /**
     * Starts what the environment does not provide, PostgreSQL and Kafka side by side: neither needs the other, and
     * each spends most of its start waiting. {@code durable} is false only for tests.
     */
    public static Infrastructure start(Path root, Path dataDir, Ports ports, boolean durable, Log log) {
        var externalDb = System.getenv("KDNET_DB_URL");
        var externalKafka = System.getenv("KDNET_KAFKA_BOOTSTRAP");
        CompletableFuture<KafkaServer> kafkaStart;
        if (externalKafka != null && !externalKafka.isBlank()) {
            log.info("Kafka: external, " + externalKafka);
            kafkaStart = CompletableFuture.completedFuture(null);
        } else {
            log.info("Kafka: starting on port " + ports.kafka() + " (" + dataDir.resolve("kafka") + ")");
            kafkaStart = CompletableFuture.supplyAsync(
                    () -> KafkaServer.start(root, dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController()),
                    runnable -> Thread.ofVirtual().name("kafka-start").start(runnable));
        }
        PostgresServer postgres = null;
        String dbBaseUrl;
        String user;
        String password;
        try {
            if (externalDb != null && !externalDb.isBlank()) {
                dbBaseUrl = externalDb.replaceAll("/+$", "");
                user = System.getenv().getOrDefault("KDNET_DB_USER", "kdnet");
                password = System.getenv().getOrDefault("KDNET_DB_PASSWORD", "");
                log.info("PostgreSQL: external, " + dbBaseUrl + "/{"
                        + String.join(",", DATABASES.subList(0, DATABASES.size() - 1)) + "}");
            } else {
                log.info("PostgreSQL: starting on port " + ports.postgres() + " (" + dataDir.resolve("postgres") + ")");
                postgres = PostgresServer.start(root, dataDir.resolve("postgres"), ports.postgres(), DATABASES, durable);
                dbBaseUrl = "jdbc:postgresql://127.0.0.1:" + ports.postgres();
                user = PostgresServer.USER;
                password = PostgresServer.PASSWORD;
            }
            var kafka = kafkaStart.join();
            var bootstrap = kafka == null ? externalKafka : kafka.bootstrapServers();
            return new Infrastructure(postgres, kafka, dbBaseUrl, user, password, bootstrap);
        } catch (RuntimeException e) {
            kafkaStart.thenAccept(kafka -> {
                if (kafka != null) {
                    kafka.close();
                }
            });
            if (postgres != null) {
                postgres.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public String jdbcUrl(String database) {
        return dbBaseUrl + "/" + database;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker this infrastructure started, for tests that stop and restart it; null when external. */
    public KafkaServer kafka() {
        return kafka;
    }

    public void restartKafka() {
        if (kafka != null) {
            kafka.restart();
        }
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Where progress goes: the console for ./kdnet, nowhere special for tests. */
    public interface Log {
        void info(String line);
    }

    /** The repository root: {@code -Dkdnet.root}, or the nearest folder up that holds local/pom.xml. */
    public static Path root() {
        var configured = System.getProperty("kdnet.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("local/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the KD-Net repository root; set -Dkdnet.root");
        }
        return dir;
    }
}
