package dk.kdnet.gateway;

import dk.kdnet.problems.ProblemType;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's side of security. SmallRye JWT verifies tokens (a bad one is a 401 even on a read);
 * here, deny by default: reads pass on to the services, which decide what an anonymous caller or a
 * member may see; writes need a token, and the service that owns the operation checks its role
 * (mostly {@code secretariat}; a member may compute a scenario); any other method is refused. Each
 * client's rate and each body's size are limited.
 */
@ApplicationScoped
public class GatewaySecurity {

    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    @Inject
    GatewayConfig config;

    @Inject
    RateLimiter rateLimiter;

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    void routes(@Observes Router router) {
        router.route().order(-100).failureHandler(this::refusal);
        router.route().order(-30).handler(this::authorize);
        router.route("/api/*").order(-20).handler(this::rateLimit);
    }

    private void authorize(RoutingContext context) {
        var method = context.request().method();
        if (READS.contains(method)) {
            context.next();
        } else if (!WRITES.contains(method) || !context.request().path().startsWith("/api/")) {
            problem(context, ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed here.");
        } else if (identity(context).isAnonymous()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problem(context, ProblemType.UNAUTHORIZED, "A bearer token is needed for this request.");
        } else if (tooLarge(context)) {
            problem(context, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + config.maxBodySize().asLongValue() + " bytes.");
        } else {
            context.next();
        }
    }

    private boolean tooLarge(RoutingContext context) {
        var length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length) > config.maxBodySize().asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static SecurityIdentity identity(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : ANONYMOUS;
    }

    private void refusal(RoutingContext context) {
        var failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            problem(context, ProblemType.UNAUTHORIZED, "A valid bearer token is needed for this request.");
        } else if (failure instanceof ForbiddenException) {
            problem(context, ProblemType.FORBIDDEN, "The token's roles do not allow this request.");
        } else {
            context.next();
        }
    }

    private void rateLimit(RoutingContext context) {
        var client = client(context);
        if (!rateLimiter.settlesEveryRequest()) {
            limited(context, rateLimiter.tryConsume(client));
            return;
        }
        // Off the event loop: settling every request with the database blocks. The body waits, paused, for whoever
        // reads it next (the proxy's pipe resumes it).
        context.request().pause();
        context.vertx().executeBlocking(() -> rateLimiter.tryConsumeShared(client), false).onComplete(result -> {
            if (result.failed()) {
                context.fail(result.cause());
            } else {
                limited(context, result.result());
            }
        });
    }

    private void limited(RoutingContext context, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        var retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        context.response().putHeader("Retry-After", Long.toString(retryAfter));
        problem(context, ProblemType.TOO_MANY_REQUESTS,
                "Rate limit of " + config.rateLimit().requests() + " requests per " + config.rateLimit().per()
                        + " reached; retry after " + retryAfter + " s.");
    }

    /** Whom a limit counts: the token's subject, or the address of an anonymous caller. */
    public static String client(RoutingContext context) {
        var identity = identity(context);
        if (!identity.isAnonymous()) {
            return "token:" + identity.getPrincipal().getName();
        }
        var remote = context.request().remoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.hostAddress());
    }

    private static void problem(RoutingContext context, ProblemType type, String detail) {
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(ProblemResponses.body(type, detail, context.request().path()));
    }
}
