package dk.kdnet.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request under /api/groups goes to the one upstream, as the gateway forwards it: with a client (a connection
 * pool) per event loop, so a request goes on a connection of the event loop it came in on.
 */
public class Forwarding {

    void routes(@Observes Router router, Vertx vertx, @ConfigProperty(name = "upstream.host") String host,
            @ConfigProperty(name = "upstream.port") int port) {
        var proxies = ThreadLocal.withInitial(() -> HttpProxy.reverseProxy(vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(100))).origin(port, host));
        router.route("/api/groups/*").handler(context -> proxies.get().handle(context.request()));
    }
}
