package dk.kdnet.gateway;

import dk.kdnet.events.Correlation;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<area>/**} to an instance of the service of that area with Vert.x's reverse proxy, the instance
 * chosen by {@link Upstreams}. A request that cannot connect goes to another instance (nothing was sent); a GET or
 * HEAD whose connection fails before any answer, or that a stopping instance refuses with 503, goes once to another
 * instance; a write that failed after it was sent is never sent again, as the service may have carried it out: the
 * caller gets a problem. A service that is down or slow answers, through the gateway, as an RFC 9457 problem within
 * the timeout.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> BODIES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Upstreams upstreams;

    /**
     * One client, and so one connection pool, per event loop: a pool hands any free connection to any caller, and a
     * request forwarded on another event loop's connection has its writes and its answer handed between two threads.
     */
    private final ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()).setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(100)));

    void routes(@Observes Router router) {
        config.services().keySet().forEach(area -> {
            var proxies = ThreadLocal.withInitial(() -> {
                var proxy = HttpProxy.reverseProxy(clients.get());
                proxy.origin(context -> connect(area, context));
                proxy.addInterceptor(new ForwardingInterceptor(area));
                return proxy;
            });
            router.routeWithRegex("^/api/" + area + "(/.*)?$").order(-10)
                    .handler(context -> proxies.get().handle(context.request()));
        });
    }

    /** The call to one instance, kept in the proxy context: which instance, and whether it was tried already. */
    private static final class Attempt {
        ServiceInstance instance;
        ServiceInstance failed;
        boolean ended;

        void end(Throwable failure) {
            if (!ended) {
                ended = true;
                if (failure == null) {
                    instance.recordReply();
                }
                instance.recordEnd(failure);
            }
        }
    }

    private static final String ATTEMPT = "kdnet.attempt";

    /** A body without a declared length that grew past the limit while it was read. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    private Future<HttpClientRequest> connect(String area, ProxyContext context) {
        var attempt = context.get(ATTEMPT, Attempt.class);
        if (attempt == null) {
            attempt = new Attempt();
            context.set(ATTEMPT, attempt);
        }
        var instance = upstreams.select(area, attempt.failed);
        attempt.instance = instance;
        attempt.ended = false;
        var call = attempt;
        return context.client().request(new RequestOptions()
                        .setServer(SocketAddress.inetSocketAddress(instance.getPort(), instance.getHost()))
                        .setIdleTimeout(config.timeout().toMillis()))
                .recover(failure -> {
                    call.end(failure);
                    // Not connected, so nothing was sent: any request may go to another instance, once.
                    if (call.failed == null && upstreams.hasOther(area, instance)) {
                        call.failed = instance;
                        return connect(area, context);
                    }
                    return Future.failedFuture(failure);
                });
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Adds forwarding headers and a correlation id, and turns a failed service call into a problem. */
    private final class ForwardingInterceptor implements ProxyInterceptor {
        private final String area;

        ForwardingInterceptor(String area) {
            this.area = area;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            var request = context.request();
            var incoming = request.proxiedRequest();
            var correlationId = incoming.getHeader(CORRELATION_HEADER);
            if (correlationId == null || correlationId.isBlank()) {
                correlationId = Correlation.newId();
                request.putHeader(CORRELATION_HEADER, correlationId);
            }
            var remote = incoming.remoteAddress();
            if (remote != null) {
                var forwardedFor = incoming.getHeader("X-Forwarded-For");
                request.putHeader("X-Forwarded-For",
                        forwardedFor == null ? remote.hostAddress() : forwardedFor + ", " + remote.hostAddress());
            }
            request.putHeader("X-Forwarded-Proto", incoming.scheme());
            if (incoming.authority() != null) {
                request.putHeader("X-Forwarded-Host", incoming.authority().toString());
            }
            var id = correlationId;
            var body = request.getBody();
            if (body != null && body.length() < 0 && BODIES.contains(incoming.method())) {
                // A body of unknown length (HTTP/2 without content-length, as after an h2c upgrade, or chunked): the
                // proxy would send it to the service with neither length nor chunking, and fail on its first byte.
                // Read whole, it goes on with its length, and its size is held to the limit like a declared one.
                return whole(body, config.maxBodySize().asLongValue()).compose(buffer -> {
                    request.setBody(Body.body(buffer));
                    return send(context, id);
                }, failure -> {
                    if (failure instanceof BodyTooLarge) {
                        return answer(context, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than "
                                + config.maxBodySize().asLongValue() + " bytes.", id);
                    }
                    return problem(context, failure, id);
                });
            }
            return send(context, id);
        }

        private Future<ProxyResponse> send(ProxyContext context, String id) {
            var request = context.request();
            var incoming = request.proxiedRequest();
            return context.sendRequest().transform(result -> {
                var attempt = context.get(ATTEMPT, Attempt.class);
                if (result.failed() && incoming.response().closed()) {
                    // The caller hung up, and the proxy reset the call: the instance is not at fault (no failure
                    // counted against it), and nobody waits for another try or for the answer.
                    if (attempt != null && attempt.instance != null) {
                        attempt.end(null);
                    }
                    LOG.debugf("%s %s [cid=%s]: the caller hung up before %s-service answered", incoming.method(),
                            incoming.path(), id, area);
                    return answer(context, ProblemType.BAD_GATEWAY, "the caller hung up", id);
                }
                // A read may go once to another instance when the connection failed before any answer (the instance
                // died; not a timeout: it may only be slow) or when the instance answered 503 (it is stopping and
                // refuses new requests). A write may have been carried out, so it is never sent again. A connection
                // the service closed under the call (a kept-alive one it let go of just as the gateway sent on it)
                // says nothing against the instance: the only one is tried again, on a new connection.
                var closedUnderIt = result.failed() && result.cause() instanceof HttpClosedException;
                var again = result.succeeded() ? result.result().getStatusCode() == 503 : !timedOut(result.cause());
                if (again && IDEMPOTENT.contains(incoming.method()) && attempt != null && attempt.instance != null
                        && attempt.failed == null && (closedUnderIt || upstreams.hasOther(area, attempt.instance))) {
                    var failure = result.succeeded() ? new IllegalStateException("answered 503") : result.cause();
                    if (result.succeeded()) {
                        result.result().release();
                    }
                    attempt.end(closedUnderIt ? null : failure);
                    attempt.failed = attempt.instance;
                    LOG.infof("%s-service instance %s:%d failed %s %s [cid=%s]; trying %s: %s", area,
                            attempt.instance.getHost(), attempt.instance.getPort(), incoming.method(),
                            incoming.path(), id, upstreams.hasOther(area, attempt.instance) ? "another" : "again",
                            failure.toString());
                    request.setBody(null);
                    return context.sendRequest().recover(second -> problem(context, second, id));
                }
                return result.succeeded() ? Future.succeededFuture(result.result())
                        : problem(context, result.cause(), id);
            });
        }

        private Future<ProxyResponse> problem(ProxyContext context, Throwable failure, String id) {
            var request = context.request();
            var incoming = request.proxiedRequest();
            var attempt = context.get(ATTEMPT, Attempt.class);
            if (attempt != null && attempt.instance != null) {
                attempt.end(failure);
            }
            var type = failure instanceof ConnectException || rootCause(failure) instanceof ConnectException
                    ? ProblemType.SERVICE_UNAVAILABLE
                    : timedOut(failure) ? ProblemType.GATEWAY_TIMEOUT : ProblemType.BAD_GATEWAY;
            LOG.warnf("%s-service failed for %s %s [cid=%s]: %s", area, incoming.method(), incoming.path(), id,
                    failure.toString());
            var detail = switch (type) {
                case SERVICE_UNAVAILABLE -> area + "-service is not reachable; try again shortly";
                case GATEWAY_TIMEOUT -> area + "-service did not answer in time";
                default -> area + "-service failed to answer";
            };
            return answer(context, type, detail, id);
        }

        private static Future<ProxyResponse> answer(ProxyContext context, ProblemType type, String detail, String id) {
            var request = context.request();
            var response = request.release().response().setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(CORRELATION_HEADER, id)
                    .setBody(Body.body(ProblemResponses.body(type, detail, request.proxiedRequest().path())));
            if (type == ProblemType.SERVICE_UNAVAILABLE) {
                response.putHeader(HttpHeaders.RETRY_AFTER, "5");
            }
            return Future.succeededFuture(response);
        }

        /** The body, read to its end; failed with {@link BodyTooLarge} once it passes {@code max} bytes. */
        private static Future<Buffer> whole(Body body, long max) {
            var stream = body.stream();
            var promise = Promise.<Buffer>promise();
            var buffer = Buffer.buffer();
            stream.exceptionHandler(promise::tryFail);
            stream.endHandler(end -> promise.tryComplete(buffer));
            stream.handler(chunk -> {
                if (buffer.length() + chunk.length() > max) {
                    // The rest is let go: the caller gets its answer, the service never sees the request.
                    stream.handler(ignored -> {});
                    promise.tryFail(new BodyTooLarge());
                } else if (!promise.future().isComplete()) {
                    buffer.appendBuffer(chunk);
                }
            });
            stream.resume();
            return promise.future();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            var attempt = context.get(ATTEMPT, Attempt.class);
            if (attempt != null) {
                attempt.end(null);
            }
            var correlationId = context.request().headers().get(CORRELATION_HEADER);
            if (correlationId != null && !context.response().headers().contains(CORRELATION_HEADER)) {
                context.response().putHeader(CORRELATION_HEADER, correlationId);
            }
            return context.sendResponse();
        }

        private static boolean timedOut(Throwable failure) {
            return failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout");
        }

        private static Throwable rootCause(Throwable failure) {
            var cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
