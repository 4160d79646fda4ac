package dk.kdnet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers for the processes the infrastructure starts; JDK only, so ./kdnet can run them. */
public final class Processes {

    private static final long ROOT = 0;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, where the kernel says nothing. */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    /** Above the well-known and the usual fixed ports (8080-8084 of ./kdnet up, 5432, 9092). */
    private static final int LOWEST_PICKED_PORT = 20000;
    private static final Random RANDOM = new Random();
    /** Never the same port twice from one JVM: a process started moments ago may not have bound its port yet. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** PostgreSQL refuses to run as root; as root we run it as nobody (65534 on Debian and most Linux). */
    static final String UNPRIVILEGED_UID = "65534";

    private Processes() {}

    public static boolean runningAsRoot() {
        try {
            var uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == ROOT;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command, run as an unprivileged user when we are root. */
    static List<String> unprivileged(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        var wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID, "--regid=" + UNPRIVILEGED_UID,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void giveToUnprivileged(Path dir) {
        if (runningAsRoot()) {
            run(List.of("chown", "-R", UNPRIVILEGED_UID + ":" + UNPRIVILEGED_UID, dir.toString()), dir.getParent());
        }
    }

    /** Runs a command to completion; fails with its output when it fails. */
    public static String run(List<String> command, Path workingDir) {
        try {
            var process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command) + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Process start(List<String> command, Path workingDir, Path log, java.util.Map<String, String> env) {
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks a process to stop (SIGINT or SIGTERM), then kills it if it does not within the grace time. */
    static void stop(Process process, String signal, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A port nobody listens on, below the kernel's ephemeral range. A port from {@code new ServerSocket(0)} lies in
     * that range, where the local end of any outgoing connection (JDBC, Kafka) may take it in the seconds before the
     * process it was meant for binds it (a service once exited so in CI: "Port 36169 seems to be in use").
     */
    public static synchronized int freePort() {
        var below = ephemeralRangeStart();
        for (var attempt = 0; attempt < 1000; attempt++) {
            var port = LOWEST_PICKED_PORT + RANDOM.nextInt(below - LOWEST_PICKED_PORT);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST_PICKED_PORT + " and " + below);
    }

    /** Where the kernel starts the ports of outgoing connections (Linux), or its default where it does not say. */
    static int ephemeralRangeStart() {
        try {
            // readAllLines, not readString: /proc files report size 0 and readString returned their first byte only.
            var start = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
            return Math.max(start, LOWEST_PICKED_PORT + 1000);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls until the condition holds; fails naming what it waited for and where to look. */
    static void await(String what, Duration timeout, Process process, Path log, BooleanSupplier condition) {
        var deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + log + "\n"
                        + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not ready after " + timeout + "; see " + log + "\n" + tail(log));
            }
            try {
                // Polling a child process has no condition to wait on; a short pause between probes.
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what);
            }
        }
    }

    static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
