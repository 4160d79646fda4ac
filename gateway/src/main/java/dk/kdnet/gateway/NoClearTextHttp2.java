package dk.kdnet.gateway;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain HTTP at the gateway is HTTP/1.1: a client's request to upgrade to HTTP/2 (h2c, as Java's HttpClient asks with
 * its first request) is answered as HTTP/1.1. Vert.x's upgrade loses track of a body that comes in a read of its own:
 * the request hung until the caller gave up (ReplicasIT, 1 run in 3). HTTP/2 over TLS is not affected.
 */
@ApplicationScoped
public class NoClearTextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
