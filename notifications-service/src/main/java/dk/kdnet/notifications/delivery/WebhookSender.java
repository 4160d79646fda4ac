package dk.kdnet.notifications.delivery;

import dk.kdnet.notifications.WebhookConfig;
import dk.kdnet.web.ClientAnswers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs one webhook: the body as JSON with the Standard Webhooks headers, within the configured timeout for the whole
 * exchange (connecting, the answer, its body). Redirects are not followed: a receiver cannot send us elsewhere.
 *
 * <p>The connection goes to the address {@link ReceiverGuard} checked, never to the name resolved again; the name is
 * still the Host header, the TLS server name (SNI) and what the receiver's certificate is verified against.
 */
@Singleton
public class WebhookSender {

    private final ReceiverGuard guard;
    private final Duration timeout;
    private final HttpClient http;

    @Inject
    WebhookSender(Vertx vertx, ReceiverGuard guard, WebhookConfig config) {
        this(vertx, guard, config.connectTimeout(), config.timeout(), null);
    }

    /** {@code trust}: whom receivers' certificates must be issued by, null for the JDK's certificate authorities. */
    WebhookSender(Vertx vertx, ReceiverGuard guard, Duration connectTimeout, Duration timeout, TrustOptions trust) {
        this.guard = guard;
        this.timeout = timeout;
        var options = new HttpClientOptions().setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setVerifyHost(true).setForceSni(true).setTrustOptions(trust);
        this.http = vertx.createHttpClient(options);
    }

    /** How a call went: a 2xx is delivered; otherwise the status (if any) and what went wrong. */
    public record Outcome(boolean delivered, Integer status, String error, long durationMillis) {}

    public Outcome send(String url, String webhookId, String body, String secret) {
        var started = System.nanoTime();
        var sent = new AtomicReference<HttpClientRequest>();
        var abandoned = new AtomicBoolean();
        try {
            var receiver = guard.check(url);
            var uri = receiver.uri();
            var https = uri.getScheme().equalsIgnoreCase("https");
            var port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
            var path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            var timestamp = Instant.now().getEpochSecond();
            var request = new RequestOptions().setMethod(HttpMethod.POST).setSsl(https)
                    .setServer(SocketAddress.inetSocketAddress(port, receiver.address().getHostAddress()))
                    .setHost(uri.getHost()).setPort(port).setURI(path).setFollowRedirects(false)
                    .putHeader("content-type", "application/json")
                    .putHeader("user-agent", "KD-Net-Webhooks/1.0")
                    .putHeader("webhook-id", webhookId)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", Signatures.sign(secret, webhookId, timestamp, body));
            var call = http.request(request).compose(outgoing -> {
                sent.set(outgoing);
                if (abandoned.get()) {
                    outgoing.reset(); // connected only after the timeout: not sent, as recorded
                }
                return outgoing.send(Buffer.buffer(body));
            }).compose(ClientAnswers::statusOnceEnded).toCompletionStage().toCompletableFuture();
            try {
                int status = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                var delivered = status >= 200 && status < 300;
                return new Outcome(delivered, status, delivered ? null : "answered " + status, millisSince(started));
            } catch (TimeoutException e) {
                abandoned.set(true);
                var outgoing = sent.get();
                if (outgoing != null) {
                    outgoing.reset();
                }
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
        // Netty's connect failures are subclasses with internal names; the delivery log says what happened.
        var name = cause instanceof ConnectException ? "ConnectException" : cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
