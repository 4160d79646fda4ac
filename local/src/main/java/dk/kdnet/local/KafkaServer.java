package dk.kdnet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) from Apache Kafka's own
 * artifacts, laid out by the local/ module, on a classpath apart from the services'.
 */
public final class KafkaServer implements AutoCloseable {

    private volatile Process process;
    private final int port;
    private final Path dataDir;
    private final Path root;
    private final int controllerPort;

    private KafkaServer(int port, int controllerPort, Path dataDir, Path root) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.root = root;
    }

    public static KafkaServer start(Path root, Path dataDir, int port, int controllerPort) {
        var classpath = root.resolve("local/target/kafka-broker");
        if (!Files.isDirectory(classpath)) {
            throw new IllegalStateException("no Kafka broker in " + classpath + "; build with ./mvnw package first");
        }
        var server = new KafkaServer(port, controllerPort, dataDir, root);
        server.launch();
        return server;
    }

    private void launch() {
        var classpath = root.resolve("local/target/kafka-broker");
        try {
            Files.createDirectories(dataDir);
            var config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir.resolve("logs"), port, controllerPort));
            var log4j = dataDir.resolve("log4j2.properties");
            Files.writeString(log4j, """
                    rootLogger.level=WARN
                    rootLogger.appenderRef.stdout.ref=STDOUT
                    appender.stdout.type=Console
                    appender.stdout.name=STDOUT
                    appender.stdout.layout.type=PatternLayout
                    appender.stdout.layout.pattern=%d [%p] %m (%c)%n
                    logger.kafka.name=kafka.server.KafkaRaftServer
                    logger.kafka.level=INFO
                    """);
            // C2 as for the services: the broker carries every event of a decision several times over (bench/flow.sh
            // measured its CPU per decision), so it is compiled for the steady state, not only for a quick start.
            var java = List.of(Processes.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + log4j,
                    "--enable-native-access=ALL-UNNAMED", "-cp", classpath + "/*");
            var log = dataDir.resolve("kafka.log");
            if (Files.exists(log)) {
                // A restart: the last run's "started" line must not count for this one.
                Files.move(log, dataDir.resolve("kafka-previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                var format = new java.util.ArrayList<>(java);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()));
                Processes.run(format, dataDir);
            }
            var command = new java.util.ArrayList<>(java);
            command.addAll(List.of("kafka.Kafka", config.toString()));
            var started = Processes.start(command, dataDir, log, Map.of());
            process = started;
            Processes.await("Kafka on port " + port, Duration.ofSeconds(90), started, log,
                    () -> Processes.listening(port) && Processes.tail(log).contains("Kafka Server started"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serverProperties(Path logDir, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDir);
    }

    /**
     * A random Kafka cluster id (16 bytes, base64url), never starting with '-', which StorageTool would
     * read as an option (as Kafka's own Uuid.randomUuid does; the launcher has no Kafka classes).
     */
    private static String clusterId() {
        while (true) {
            var uuid = java.util.UUID.randomUUID();
            var bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            var id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker hard, as a crash or outage would; {@link #restart()} brings it back on the same data. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the broker if it runs and starts it again on the same data and ports; this object stays the handle. */
    public KafkaServer restart() {
        kill();
        launch();
        return this;
    }

    /** An outage: the broker is down for {@code duration}, then back on the same data. */
    public void outage(Duration duration) {
        kill();
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        restart();
    }

    @Override
    public void close() {
        Processes.stop(process, "TERM", Duration.ofSeconds(20));
    }
}
