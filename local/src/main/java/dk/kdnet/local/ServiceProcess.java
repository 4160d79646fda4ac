package dk.kdnet.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** One packaged service (its Quarkus fast-jar) running as a process of its own. */
public final class ServiceProcess implements AutoCloseable {

    /** The flags the AOT cache was recorded with (root pom, kdnet.service.jvm-flags). */
    private static final List<String> JVM_FLAGS = jvmFlags();

    static final String AOT_CACHE = "app.aot";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final String module;
    private final int port;
    private final Path root;
    private final Map<String, String> env;
    private final Path log;
    private final boolean recording;
    private Process process;

    private ServiceProcess(String module, int port, Path root, Map<String, String> env, Path log, boolean recording) {
        this.module = module;
        this.port = port;
        this.root = root;
        this.env = env;
        this.log = log;
        this.recording = recording;
    }

    /** Launches the service and returns without waiting; call {@link #awaitReady()}. */
    public static ServiceProcess launch(Path root, String module, int port, Map<String, String> env, Path log) {
        var service = new ServiceProcess(module, port, root, env, log, false);
        service.launch();
        return service;
    }

    /**
     * Launches the service to record its AOT cache (JDK 25+): what it loads and links while it runs goes into
     * {@code target/quarkus-app/app.aot} when it stops.
     */
    static ServiceProcess launchRecording(Path root, String module, int port, Map<String, String> env, Path log) {
        var service = new ServiceProcess(module, port, root, env, log, true);
        service.launch();
        return service;
    }

    private void launch() {
        var app = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing; build with ./mvnw package first");
        }
        var command = new ArrayList<>(List.of(Processes.javaBinary(), "-Xms64m", "-Xmx256m"));
        command.addAll(JVM_FLAGS);
        if (Runtime.version().feature() < 25) {
            command.remove("-XX:+UseCompactObjectHeaders");
        }
        command.addAll(recording ? List.of("-XX:AOTCacheOutput=" + AOT_CACHE) : classDataArchive(app));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", "quarkus-run.jar"));
        // From its own folder: the archive records the class path relative to it.
        process = Processes.start(command, app, log, env);
    }

    /**
     * The class-data archive: on JDK 25+ the AOT cache recorded by {@code ./kdnet up} (or packaged with -Dkdnet.aot),
     * else the AppCDS archive packaged with -Dkdnet.aot; none otherwise.
     */
    private static List<String> classDataArchive(Path app) {
        if (Runtime.version().feature() >= 25 && Files.exists(app.resolve(AOT_CACHE))) {
            return List.of("-XX:AOTCache=" + AOT_CACHE);
        }
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            return List.of("-XX:SharedArchiveFile=app-cds.jsa");
        }
        return List.of();
    }

    private static List<String> jvmFlags() {
        var properties = new Properties();
        try (var in = ServiceProcess.class.getResourceAsStream("/kdnet-service.properties")) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.of(properties.getProperty("jvm-flags").split(","));
    }

    /** A service is ready in seconds on a quiet machine; a loaded one (a build beside it) can take minutes. */
    private static final Duration READY_WITHIN =
            Duration.ofSeconds(Long.getLong("kdnet.service.ready-within-seconds", 300));

    public ServiceProcess awaitReady() {
        Processes.await(module + " on port " + port, READY_WITHIN, process, log, this::ready);
        return this;
    }

    private boolean ready() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String module() {
        return module;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ServiceProcess restart() {
        kill();
        launch();
        return awaitReady();
    }

    @Override
    public void close() {
        // A recording JVM writes its AOT cache on the way out, which takes a while on 2 cores.
        Processes.stop(process, "TERM", recording ? Duration.ofMinutes(5) : Duration.ofSeconds(15));
    }
}
