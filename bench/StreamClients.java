import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * bench/stream.sh's clients: N streams of GET /api/stream through the gateway, then one decision at a time on the
 * given items; for each decision, the time from the event's time (the decision's commit) to its arrival at every
 * client. Prints p50/p99 over all arrivals and the gateway's RSS per 100 streams.
 *   java bench/StreamClients.java GATEWAY MEMBER_TOKEN SECRETARIAT_TOKEN GATEWAY_PID CLIENTS ITEM_ID...
 */
public class StreamClients {

    private static final Pattern DECISION = Pattern.compile("\"agendaItemId\":\"([0-9a-f-]{36})\"");
    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var gateway = args[0];
        var member = args[1];
        var secretariat = args[2];
        var pid = args[3];
        var clients = Integer.parseInt(args[4]);
        var items = List.of(args).subList(5, args.length);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var before = rss(pid);
        // arrivals: the decided item's id -> latency in microseconds, one per client
        var arrivals = new ConcurrentHashMap<String, List<Long>>();
        var ready = new CountDownLatch(clients);
        var started = System.nanoTime();
        for (var i = 0; i < clients; i++) {
            var request = HttpRequest.newBuilder(URI.create(gateway
                    + "/api/stream?type=dk.kdnet.meetings.decision-recorded.v1"))
                    .header("Authorization", "Bearer " + member).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
                if (response.statusCode() != 200) {
                    System.err.println("stream answered " + response.statusCode());
                    System.exit(1);
                }
                Thread.ofVirtual().start(() -> read(response, ready, arrivals));
            });
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (clients - ready.getCount()) + " streams opened in 120 s");
        }
        System.out.printf("%d streams open in %.1f s%n", clients, (System.nanoTime() - started) / 1e9);
        Thread.sleep(3000);
        var after = rss(pid);
        System.out.printf("gateway RSS %d MB before, %d MB with %d streams: %.1f MB per 100 streams%n", before / 1024,
                after / 1024, clients, (after - before) / 1024.0 / (clients / 100.0));
        for (var item : items) {
            var response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/meetings/items/" + item
                    + "/decision")).header("Authorization", "Bearer " + secretariat)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"APPROVED\",\"text\":\"Taget til efterretning.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("decision answered " + response.statusCode() + ": " + response.body());
            }
            var decision = item;
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (arrivals.getOrDefault(decision, List.of()).size() < clients && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            var got = arrivals.getOrDefault(decision, List.of()).size();
            if (got < clients) {
                throw new IllegalStateException("decision " + decision + " reached " + got + " of " + clients);
            }
            Thread.sleep(200);
        }
        var all = new ArrayList<Long>();
        arrivals.values().forEach(all::addAll);
        Collections.sort(all);
        System.out.printf("%d decisions x %d streams: commit to arrival p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                items.size(), clients, percentile(all, 50) / 1000.0, percentile(all, 99) / 1000.0,
                all.get(all.size() - 1) / 1000.0);
        System.exit(0);
    }

    private static void read(HttpResponse<java.io.InputStream> response, CountDownLatch ready,
            ConcurrentHashMap<String, List<Long>> arrivals) {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("event: ready")) {
                    ready.countDown();
                } else if (line.startsWith("data: ") && line.contains("agendaItemId")) {
                    var now = Instant.now();
                    var decision = DECISION.matcher(line);
                    var time = TIME.matcher(line);
                    if (decision.find() && time.find()) {
                        var latency = Duration.between(OffsetDateTime.parse(time.group(1)).toInstant(), now);
                        arrivals.computeIfAbsent(decision.group(1), d -> Collections.synchronizedList(new ArrayList<>()))
                                .add(latency.toNanos() / 1000);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the bench is over
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Resident set size in kB. */
    private static long rss(String pid) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}
