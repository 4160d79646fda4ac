package dk.kdnet.bench.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every request under /api/groups goes to the one upstream, as the gateway's connection pool would send it. */
public class Forwarding {

    void routes(@Observes Router router, Vertx vertx, @ConfigProperty(name = "upstream.host") String host,
            @ConfigProperty(name = "upstream.port") int port) {
        var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(100));
        var proxy = HttpProxy.reverseProxy(client).origin(port, host);
        router.route("/api/groups/*").handler(context -> proxy.handle(context.request()));
    }
}
