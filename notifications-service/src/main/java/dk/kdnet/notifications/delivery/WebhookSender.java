package dk.kdnet.notifications.delivery;

import dk.kdnet.notifications.WebhookConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one webhook: the body as JSON with the Standard Webhooks headers, within the configured timeout for the whole
 * exchange (connecting, the answer, its body). Redirects are not followed: a receiver cannot send us elsewhere.
 */
@Singleton
public class WebhookSender {

    private final ReceiverGuard guard;
    private final Duration timeout;
    private final HttpClient http;

    WebhookSender(ReceiverGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** How a call went: a 2xx is delivered; otherwise the status (if any) and what went wrong. */
    public record Outcome(boolean delivered, Integer status, String error, long durationMillis) {}

    public Outcome send(String url, String webhookId, String body, String secret) {
        var started = System.nanoTime();
        try {
            var uri = guard.check(url);
            var timestamp = Instant.now().getEpochSecond();
            var request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("content-type", "application/json")
                    .header("user-agent", "KD-Net-Webhooks/1.0")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signatures.sign(secret, webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                var status = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
                var delivered = status >= 200 && status < 300;
                return new Outcome(delivered, status, delivered ? null : "answered " + status, millisSince(started));
            } catch (TimeoutException e) {
                call.cancel(true);
                return new Outcome(false, null, "no answer within " + timeout.toMillis() + " ms", millisSince(started));
            } catch (ExecutionException e) {
                var cause = e.getCause() == null ? e : e.getCause();
                return new Outcome(false, null, describe(cause), millisSince(started));
            }
        } catch (ReceiverGuard.UnsafeReceiver e) {
            return new Outcome(false, null, "url " + e.getMessage(), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted", millisSince(started));
        }
    }

    private static String describe(Throwable cause) {
        var message = cause.getMessage();
        var name = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }
}
