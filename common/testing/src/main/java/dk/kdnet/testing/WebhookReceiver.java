package dk.kdnet.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import dk.kdnet.local.Processes;

/**
 * A webhook receiver on 127.0.0.1, as a municipality would run one: it keeps what it was sent, and verifies it as the
 * Standard Webhooks specification says (written from the specification, not from notifications-service's code).
 * Stopped, nothing listens on its port (connections are refused) until it is started again.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived ({@code arrivedNanos}: System.nanoTime() of this JVM). */
    public record Request(String webhookId, String timestamp, String signature, String body, long arrivedNanos) {
        public Map<String, String> headers() {
            return Map.of("webhook-id", webhookId, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Duration delay;
    private final int port;
    private HttpServer server;

    private WebhookReceiver(int port, Duration delay) {
        this.port = port;
        this.delay = delay;
    }

    public static WebhookReceiver start(Duration delay) {
        var receiver = new WebhookReceiver(Processes.freePort(), delay);
        receiver.up();
        return receiver;
    }

    public synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, System.nanoTime()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public synchronized void down() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        down();
    }

    /** Whether the request's signature is the secret's over "id.timestamp.body", its timestamp within 5 minutes. */
    public static boolean verifies(String secret, Request request) {
        try {
            var timestamp = Long.parseLong(request.timestamp());
            if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
                return false;
            }
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            var expected = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (var signature : request.signature().split(" ")) {
                var parts = signature.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
