package dk.kdnet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One PostgreSQL and one Kafka per test JVM, on free ports in a temporary folder, gone at exit. */
public final class TestInfrastructure {

    private static Infrastructure shared;
    private static Path dataDir;

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

    public static Path dataDir() {
        get();
        return dataDir;
    }
}
