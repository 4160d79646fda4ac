package dk.kdnet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server in a process of its own: the machine's server binaries when installed,
 * otherwise the binaries laid out by the local/ module from Maven Central.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "kdnet";
    public static final String PASSWORD = "kdnet";

    private final Process process;
    private final int port;

    private PostgresServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server on the data directory, creating the cluster and the databases when it is new.
     *
     * @param durable false for tests: no fsync, which makes them several times faster
     */
    public static PostgresServer start(Path root, Path dataDir, int port, List<String> databases, boolean durable) {
        var bin = binaries(root);
        try {
            Files.createDirectories(dataDir.getParent());
            var log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                Files.createDirectories(dataDir);
                Processes.giveToUnprivileged(dataDir);
                Processes.run(Processes.unprivileged(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(),
                        "-U", USER, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")), dataDir.getParent());
            }
            createMissingDatabases(bin, dataDir, databases);
            Files.deleteIfExists(log);
            var command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                    "-p", Integer.toString(port), "-k", dataDir.toString(), "-c", "listen_addresses=127.0.0.1",
                    "-c", "max_connections=300", "-c", "shared_buffers=128MB"));
            if (!durable) {
                command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            var process = Processes.start(Processes.unprivileged(command), dataDir.getParent(), log, Map.of());
            Processes.await("PostgreSQL on port " + port, Duration.ofSeconds(60), process, log,
                    () -> Processes.listening(port) && Processes.tail(log).contains("ready to accept connections"));
            return new PostgresServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the databases not made yet: all of them in a new cluster; in an existing one, those added since it was
     * made (the gateway's). Which were made is kept in a file beside the data, so a start costs nothing once all are.
     */
    private static void createMissingDatabases(Path bin, Path dataDir, List<String> databases) throws IOException {
        var made = dataDir.resolveSibling(dataDir.getFileName() + ".databases");
        var existing = Files.exists(made) ? Files.readAllLines(made) : List.<String>of();
        var missing = databases.stream().filter(d -> !existing.contains(d)).toList();
        for (var database : missing) {
            createInSingleUserMode(bin, dataDir, database);
        }
        if (!missing.isEmpty()) {
            Files.write(made, databases);
        }
    }

    /** The only way to create a database with nothing but the server binary: no client, no driver needed. */
    private static void createInSingleUserMode(Path bin, Path dataDir, String database) throws IOException {
        var command = Processes.unprivileged(List.of(bin.resolve("postgres").toString(), "--single", "-D",
                dataDir.toString(), "-c", "fsync=off", "postgres"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(("CREATE DATABASE \"" + database + "\";\n").getBytes());
        }
        var output = new String(process.getInputStream().readAllBytes());
        try {
            // A cluster made before the list of made databases was kept has most of them already.
            if (process.waitFor() != 0 || output.contains("ERROR") && !output.contains("already exists")) {
                throw new IllegalStateException("could not create database " + database + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
        Processes.stop(process, "INT", Duration.ofSeconds(20));
    }

    static Path binaries(Path root) {
        var system = systemBinaries();
        if (system != null) {
            return system;
        }
        return extractedBinaries(root);
    }

    private static Path systemBinaries() {
        var base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> versionOf(bin.getParent())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Unpacks the PostgreSQL archive from the Maven Central artifact once, where any user can run it. */
    private static Path extractedBinaries(Path root) {
        var jars = root.resolve("local/target/postgres-binaries");
        try (Stream<Path> files = Files.list(jars)) {
            var jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries in " + jars
                            + "; build with ./mvnw package first"));
            var name = jar.getFileName().toString().replace(".jar", "");
            var target = Path.of(System.getProperty("java.io.tmpdir"), "kdnet-" + name);
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                Files.createDirectories(target);
                try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                    try (Stream<Path> entries = Files.list(zip.getPath("/"))) {
                        var archive = entries.filter(e -> e.toString().endsWith(".txz")).findFirst().orElseThrow();
                        var txz = target.resolve("postgres.txz");
                        Files.copy(archive, txz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Processes.run(List.of("tar", "-xJf", txz.toString()), target);
                        Files.delete(txz);
                    }
                }
                Processes.run(List.of("chmod", "-R", "a+rX", target.toString()), target);
            }
            return target.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PostgreSQL binaries from " + jars, e);
        }
    }
}
