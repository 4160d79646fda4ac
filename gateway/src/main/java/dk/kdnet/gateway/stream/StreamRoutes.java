package dk.kdnet.gateway.stream;

import dk.kdnet.events.visibility.EventVisibility.Viewer;
import dk.kdnet.gateway.GatewaySecurity;
import dk.kdnet.gateway.ProblemResponses;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/stream}: the events the caller may see, live, as Server-Sent Events (docs/api.md "Live stream").
 * Its own route, so proxied requests pay nothing for it.
 */
@ApplicationScoped
public class StreamRoutes {

    static final String PATH = "/api/stream";
    /** Where a browser's EventSource, which cannot send headers, puts its token and its last event's id. */
    static final String TOKEN_PARAMETER = "access_token";
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";
    private static final long RETRY_MILLIS = 2000;

    @Inject
    StreamConfig config;

    @Inject
    EventTail tail;

    @Inject
    JWTParser tokens;

    @Inject
    Vertx vertx;

    /** Open streams per client on this instance. */
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    void routes(@Observes Router router) {
        router.get(PATH).handler(this::stream);
    }

    private record Caller(Viewer viewer, String client) {}

    private void stream(RoutingContext context) {
        StreamFilter filter;
        Position from = null;
        try {
            filter = StreamFilter.of(name -> context.queryParam(name));
        } catch (StreamFilter.Invalid e) {
            invalid(context, e.parameter, e.getMessage());
            return;
        }
        var lastEventId = context.request().getHeader("Last-Event-ID");
        var parameter = "Last-Event-ID";
        if (lastEventId == null || lastEventId.isBlank()) {
            lastEventId = context.queryParams().get(LAST_EVENT_ID_PARAMETER);
            parameter = LAST_EVENT_ID_PARAMETER;
        }
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                from = Position.decode(lastEventId);
            } catch (IllegalArgumentException e) {
                invalid(context, parameter, e.getMessage());
                return;
            }
        }
        var position = from;
        var token = context.queryParams().get(TOKEN_PARAMETER);
        if (token == null) {
            Caller caller;
            try {
                caller = caller(context);
            } catch (IllegalArgumentException e) {
                problem(context, ProblemType.FORBIDDEN, e.getMessage());
                return;
            }
            open(context, caller, filter, position);
            return;
        }
        // Verifying may fetch the provider's keys: not on the event loop.
        vertx.<JsonWebToken>executeBlocking(() -> tokens.parse(token), false).onComplete(parsed -> {
            if (parsed.failed()) {
                var failure = parsed.cause() instanceof ParseException ? "is not valid" : "could not be verified";
                context.response().putHeader("WWW-Authenticate", "Bearer");
                problem(context, ProblemType.UNAUTHORIZED, "The access_token " + failure + ".");
                return;
            }
            var jwt = parsed.result();
            UUID organization;
            try {
                organization = organization(jwt);
            } catch (IllegalArgumentException e) {
                problem(context, ProblemType.FORBIDDEN, e.getMessage());
                return;
            }
            open(context, new Caller(Viewer.of(false, jwt.getGroups(), organization), "token:" + jwt.getName()),
                    filter, position);
        });
    }

    private static Caller caller(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            return new Caller(Viewer.ANONYMOUS, GatewaySecurity.client(context));
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        var organization = identity.getPrincipal() instanceof JsonWebToken jwt ? organization(jwt) : null;
        return new Caller(Viewer.of(false, identity.getRoles(), organization), GatewaySecurity.client(context));
    }

    /** The one organization a client token is limited to, as the services read it (Caller), or null. */
    private static UUID organization(JsonWebToken jwt) {
        try {
            return dk.kdnet.security.Caller.organizationOf(jwt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token's organization_id is not an organization id");
        }
    }

    private void open(RoutingContext context, Caller caller, StreamFilter filter, Position from) {
        var max = config.maxPerClient();
        var count = open.merge(caller.client(), 1, Integer::sum);
        if (count > max) {
            release(caller.client());
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "10");
            problem(context, ProblemType.TOO_MANY_REQUESTS, "At most " + max + " streams may be open at once per "
                    + "client; close one, or retry after 10 s.");
            return;
        }
        var response = context.response();
        response.setChunked(true).setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // nginx and other proxies must pass each event on at once
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(config.writeQueueMaxSize());
        response.write(Frames.retry(RETRY_MILLIS));
        var subscriber = new Subscriber(caller.viewer(), filter, caller.client(), response,
                vertx.getOrCreateContext(), config.catchUpBuffer());
        var heartbeat = vertx.setPeriodic(config.heartbeat().toMillis(), id -> subscriber.write(Frames.HEARTBEAT));
        response.closeHandler(closed -> {
            vertx.cancelTimer(heartbeat);
            subscriber.ended();
            tail.unsubscribe(subscriber);
            release(caller.client());
        });
        tail.subscribe(subscriber, from);
    }

    private void release(String client) {
        open.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    private static void invalid(RoutingContext context, String parameter, String message) {
        context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(ProblemResponses.body(ProblemType.VALIDATION, "1 field is invalid", context.request().path(),
                        List.of(new Problem.FieldError(parameter, message))));
    }

    private static void problem(RoutingContext context, ProblemType type, String detail) {
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(ProblemResponses.body(type, detail, context.request().path()));
    }
}
