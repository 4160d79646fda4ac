package dk.kdnet.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * {@code ./kdnet up}: PostgreSQL, Kafka, the three services and the gateway on this machine, in the
 * foreground until Ctrl-C, which stops every process it started. Data lives in {@code .kdnet/}.
 * {@code --fresh} starts from empty data; {@code --as-built} records no AOT caches; {@code --replicas N} starts N
 * instances of each service, the k-th (from 0) on its port + 100·k (groups-service: 8081, 8181, 8281...), and
 * the gateway balances over them.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        var fresh = List.of(args).contains("--fresh");
        // CI starts what ./mvnw verify packaged: recording AOT caches first would cost it a minute.
        var asBuilt = List.of(args).contains("--as-built");
        var replicas = replicas(args);
        var root = Infrastructure.root();
        var dataDir = root.resolve(".kdnet");
        Infrastructure.Log log = line -> System.out.println("kdnet: " + line);
        if (fresh) {
            log.info("--fresh: removing " + dataDir);
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        if (Processes.runningAsRoot()) {
            checkReachableByUnprivilegedUser(dataDir);
        }
        var ports = new Infrastructure.Ports(intEnv("KDNET_PG_PORT", 15432), intEnv("KDNET_KAFKA_PORT", 19092),
                intEnv("KDNET_KAFKA_CONTROLLER_PORT", 19093));
        var servicePorts = new EnumMap<KdnetStack.Service, Integer>(KdnetStack.Service.class);
        var instancePorts = new EnumMap<KdnetStack.Service, List<Integer>>(KdnetStack.Service.class);
        for (var service : KdnetStack.Service.values()) {
            var port = intEnv("KDNET_" + service.name() + "_PORT", service.defaultPort);
            servicePorts.put(service, port);
            var count = service == KdnetStack.Service.GATEWAY ? 1 : replicas;
            instancePorts.put(service, IntStream.range(0, count).mapToObj(k -> port + 100 * k).toList());
        }
        var stopped = new CountDownLatch(1);
        var started = new Object() {
            Infrastructure infrastructure;
            KdnetStack stack;
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nkdnet: stopping");
            if (started.stack != null) {
                started.stack.close();
            }
            if (started.infrastructure != null) {
                started.infrastructure.close();
            }
            System.out.println("kdnet: stopped");
            stopped.countDown();
        }));
        started.infrastructure = Infrastructure.start(root, dataDir, ports, true, log);
        if (!asBuilt && AotCaches.missing(root)) {
            var recordingLogs = dataDir.resolve("logs/aot-recording");
            started.stack = AotCaches.startRecording(root, recordingLogs, started.infrastructure, servicePorts,
                    LocalTokens.in(dataDir), log);
            started.stack.close();
            AotCaches.report(root, recordingLogs, log);
        }
        started.stack = KdnetStack.startInstances(root, dataDir.resolve("logs"), started.infrastructure, instancePorts,
                LocalTokens.in(dataDir), Map.of(), log);
        var gateway = "http://localhost:" + servicePorts.get(KdnetStack.Service.GATEWAY);
        System.out.println("""

                KD-Net is running. Logs in %s
                  Gateway      %s
                  Swagger UI   %s/swagger-ui
                  OpenAPI      %s/openapi
                  Health       %s/health
                  Try          curl %s/api/groups/organizations
                  Token        ./kdnet token --role secretariat   (or --role member, --client <name>)
                  Instances    %s
                Ctrl-C stops everything.
                """.formatted(dataDir.resolve("logs"), gateway, gateway, gateway, gateway, gateway,
                instancePorts.entrySet().stream().filter(e -> e.getKey() != KdnetStack.Service.GATEWAY)
                        .map(e -> e.getKey().module + " " + e.getValue()).toList()));
        stopped.await();
    }

    private static int replicas(String[] args) {
        var options = List.of(args);
        var at = options.indexOf("--replicas");
        if (at < 0) {
            return 1;
        }
        var value = at + 1 < options.size() ? options.get(at + 1) : "";
        if (!value.matches("[1-9]")) {
            throw new IllegalArgumentException("--replicas takes a number from 1 to 9, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    private static int intEnv(String name, int fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** PostgreSQL runs as nobody when we are root; every folder above its data must let nobody through. */
    private static void checkReachableByUnprivilegedUser(Path dataDir) throws IOException {
        for (var dir = dataDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var permissions = Files.getPosixFilePermissions(dir);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as user nobody when started by root, and nobody cannot"
                        + " enter " + dir + ". Run ./kdnet as a normal user, or: chmod o+x " + dir);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
