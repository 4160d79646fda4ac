package dk.kdnet.system;

import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of {@code GET /api/stream} as a browser's EventSource reads it (WHATWG "Server-sent events"): each message
 * with its id, event name and data; comment lines (heartbeats) counted.
 */
final class SseClient implements AutoCloseable {

    record Message(String id, String event, String data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int status;
    final String contentType;
    final String body;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<Message> received = new ArrayList<>();
    private volatile int comments;
    private final HttpResponse<java.io.InputStream> response;
    private final Thread reader;

    private SseClient(HttpResponse<java.io.InputStream> response) throws IOException {
        this.response = response;
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (status != 200) {
            body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            reader = null;
            return;
        }
        body = null;
        reader = Thread.ofVirtual().start(this::read);
    }

    /** {@code query} as given ("type=...&meeting=..."), a bearer token or null, a Last-Event-ID or null. */
    static SseClient open(String query, String token, String lastEventId) {
        var base = RestAssured.baseURI + ":" + RestAssured.port;
        var request = HttpRequest.newBuilder(URI.create(base + "/api/stream" + (query == null ? "" : "?" + query)))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            var data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || event != null) {
                        messages.add(new Message(id, event == null ? "message" : event, data.toString()));
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The next message, waiting up to {@code timeout}. */
    Message next(Duration timeout) {
        try {
            var message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout + "; received " + received);
            }
            received.add(message);
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages until one matches, within {@code timeout} in all; all of them, the match last. */
    List<Message> until(Predicate<Message> match, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        var read = new ArrayList<Message>();
        while (true) {
            var left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                throw new AssertionError("no matching message within " + timeout + "; received " + read);
            }
            var message = next(left);
            read.add(message);
            if (match.test(message)) {
                return read;
            }
        }
    }

    /** What arrived without waiting. */
    List<Message> drain() {
        var drained = new ArrayList<Message>();
        messages.drainTo(drained);
        received.addAll(drained);
        return drained;
    }

    int comments() {
        return comments;
    }

    /** Whether the gateway has closed the stream. */
    boolean ended(Duration within) {
        try {
            reader.join(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !reader.isAlive();
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                response.body().close();
            } catch (IOException e) {
                // closing anyway
            }
            reader.interrupt();
        }
    }
}
