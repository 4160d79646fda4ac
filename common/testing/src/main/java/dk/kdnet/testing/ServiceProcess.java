package dk.kdnet.testing;

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

/** One packaged service (its Quarkus fast-jar) running as a process of its own. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final String module;
    private final int port;
    private final Path root;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    private ServiceProcess(String module, int port, Path root, Map<String, String> env, Path log) {
        this.module = module;
        this.port = port;
        this.root = root;
        this.env = env;
        this.log = log;
    }

    /** Launches the service and returns without waiting; call {@link #awaitReady()}. */
    public static ServiceProcess launch(Path root, String module, int port, Map<String, String> env, Path log) {
        var service = new ServiceProcess(module, port, root, env, log);
        service.launch();
        return service;
    }

    private void launch() {
        var jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build with ./mvnw package first");
        }
        var command = new ArrayList<>(List.of(Processes.javaBinary(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        if (Runtime.version().feature() < 25) {
            command.remove("-XX:+UseCompactObjectHeaders");
        }
        process = Processes.start(command, root, log, env);
    }

    public ServiceProcess awaitReady() {
        Processes.await(module + " on port " + port, Duration.ofSeconds(90), process, log, this::ready);
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
        Processes.stop(process, "TERM", Duration.ofSeconds(15));
    }
}
