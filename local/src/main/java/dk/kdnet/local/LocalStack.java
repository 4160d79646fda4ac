package dk.kdnet.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./kdnet up}: PostgreSQL, Kafka, the three services and the gateway on this machine, in the
 * foreground until Ctrl-C, which stops every process it started. Data lives in {@code .kdnet/}.
 * {@code --fresh} starts from empty data; {@code --as-built} records no AOT caches.
 */
public final class LocalStack {

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        var fresh = List.of(args).contains("--fresh");
        // CI starts what ./mvnw verify packaged: recording AOT caches first would cost it a minute.
        var asBuilt = List.of(args).contains("--as-built");
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
        for (var service : KdnetStack.Service.values()) {
            servicePorts.put(service, intEnv("KDNET_" + service.name() + "_PORT", service.defaultPort));
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
        started.stack = KdnetStack.start(root, dataDir.resolve("logs"), started.infrastructure, servicePorts,
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
                Ctrl-C stops everything.
                """.formatted(dataDir.resolve("logs"), gateway, gateway, gateway, gateway, gateway));
        stopped.await();
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
