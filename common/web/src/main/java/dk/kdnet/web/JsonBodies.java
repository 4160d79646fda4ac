package dk.kdnet.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a small JSON request body whole on the event loop, before the resource's (virtual) thread takes over. Quarkus
 * REST reads the body of a blocking resource on that thread, every chunk handed over from the event loop with a wait
 * and a notify (in the flow's profile ~7% of meetings-service's CPU on the PUT of a decision); a body already on the
 * routing context it takes from there. Only a body that declares its length, of at most {@link #MAX_BYTES}: a larger
 * or chunked one (an attachment) goes the usual way, and a caller the resource then refuses has made the service hold
 * no more than that. The gateway forwards {@code /api} on routes before this one, so it never reads a body here.
 */
@ApplicationScoped
public class JsonBodies {

    static final long MAX_BYTES = 64 * 1024;
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    void route(@Observes Router router) {
        var bodies = BodyHandler.create(false).setBodyLimit(MAX_BYTES).setPreallocateBodyBuffer(true);
        // Before the REST endpoints, which take the body from the routing context.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(context -> {
            if (readsFirst(context.request())) {
                bodies.handle(context);
            } else {
                context.next();
            }
        });
    }

    static boolean readsFirst(HttpServerRequest request) {
        if (!WRITES.contains(request.method())) {
            return false;
        }
        var type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        var length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (type == null || length == null || !isJson(type)) {
            return false;
        }
        try {
            var bytes = Long.parseLong(length.trim());
            return bytes > 0 && bytes <= MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** application/json, or a +json type (application/merge-patch+json, application/problem+json). */
    private static boolean isJson(String contentType) {
        var type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
