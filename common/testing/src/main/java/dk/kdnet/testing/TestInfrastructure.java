package dk.kdnet.testing;

import dk.kdnet.local.Infrastructure;
import dk.kdnet.local.LocalTokens;
import dk.kdnet.local.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One PostgreSQL and one Kafka per test JVM, on free ports in a temporary folder, gone at exit. */
public final class TestInfrastructure {

    private static Infrastructure shared;
    private static Path dataDir;
    private static LocalTokens tokens;

    private TestInfrastructure() {}

    public static synchronized Infrastructure get() {
        if (shared == null) {
            try {
                // Under /tmp rather than target/: PostgreSQL runs as nobody when tests run as root.
                dataDir = Files.createTempDirectory("kdnet-test-");
                Processes.run(java.util.List.of("chmod", "755", dataDir.toString()), dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared = Infrastructure.start(Infrastructure.root(), dataDir, Infrastructure.Ports.free(), false,
                    line -> System.out.println("test infrastructure: " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.close();
                Processes.run(java.util.List.of("rm", "-rf", dataDir.toString()), Path.of("/"));
            }));
        }
        return shared;
    }

    /** Tokens signed with this test JVM's key, which every service under test verifies. */
    public static synchronized LocalTokens tokens() {
        if (tokens == null) {
            // Named by the process, so test code and the application under test (other class loaders,
            // whose system properties Quarkus resets) share one key.
            var keys = Path.of(System.getProperty("java.io.tmpdir"), "kdnet-test-keys-" + ProcessHandle.current().pid());
            tokens = LocalTokens.in(keys);
            for (var file : new Path[] {keys, keys.resolve("jwt-private.pem"), keys.resolve("jwt-public.pem")}) {
                file.toFile().deleteOnExit();
            }
        }
        return tokens;
    }

    /** The configuration that makes a {@code @QuarkusTest} application verify {@link #tokens()}. */
    public static Map<String, String> verifierConfig() {
        var key = tokens().publicKey().toAbsolutePath().toString();
        return Map.of("mp.jwt.verify.publickey.location", key, "mp.jwt.verify.issuer", LocalTokens.ISSUER);
    }

    /** The configuration that gives a {@code @QuarkusTest} gateway its database (the rate limit's buckets). */
    public static Map<String, String> gatewayDatabase() {
        var infrastructure = get();
        return Map.of("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl("gateway"),
                "quarkus.datasource.username", infrastructure.dbUser(),
                "quarkus.datasource.password", infrastructure.dbPassword());
    }

    public static Path dataDir() {
        get();
        return dataDir;
    }
}
