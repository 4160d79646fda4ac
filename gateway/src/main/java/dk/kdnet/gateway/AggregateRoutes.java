package dk.kdnet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the gateway answers itself from all services: one OpenAPI document, one AsyncAPI document, one health status. */
@ApplicationScoped
public class AggregateRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    /** The brokers the AsyncAPI document names: those clients in the deployment reach; the gateway's own if not set. */
    @ConfigProperty(name = "kdnet.asyncapi.brokers")
    Optional<List<String>> asyncApiBrokers;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    List<String> bootstrapServers;

    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    Upstreams upstreams;

    private HttpClient client;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        router.get("/openapi").handler(this::openApi);
        router.get("/openapi.json").handler(this::openApi);
        router.get("/health").handler(this::health);
        router.get("/asyncapi.yaml").handler(this::asyncApi);
    }

    private record Fetched(String area, int status, Buffer body) {}

    private Future<Fetched> fetch(String area, URI base, String path) {
        var options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(GatewayRoutes.port(base)).setURI(path).setIdleTimeout(config.timeout().toMillis());
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Fetched(area, response.statusCode(), body)))
                .recover(failure -> Future.succeededFuture(new Fetched(area, 0, null)));
    }

    private Future<List<Fetched>> fetchAll(String path) {
        var futures = new ArrayList<Future<Fetched>>();
        upstreams.oneInstanceEach().forEach((area, base) -> futures.add(fetch(area, base, path)));
        return Future.all(futures).map(CompositeFuture::<Fetched>list);
    }

    private void openApi(RoutingContext context) {
        fetchAll("/q/openapi?format=json").onSuccess(results -> {
            var documents = new LinkedHashMap<String, JsonNode>();
            var unavailable = new ArrayList<String>();
            for (var result : results) {
                try {
                    if (result.status() == 200) {
                        documents.put(result.area(), JSON.readTree(result.body().getBytes()));
                        continue;
                    }
                } catch (java.io.IOException e) {
                    // an unreadable document counts as unavailable
                }
                unavailable.add(result.area());
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(OpenApiMerger.merge(documents, unavailable).toString());
        }).onFailure(context::fail);
    }

    private void asyncApi(RoutingContext context) {
        fetchAll("/asyncapi.yaml").onSuccess(results -> {
            var documents = new LinkedHashMap<String, JsonNode>();
            var unavailable = new ArrayList<String>();
            for (var result : results) {
                try {
                    if (result.status() == 200) {
                        documents.put(result.area(), YAML.readTree(result.body().getBytes()));
                        continue;
                    }
                } catch (java.io.IOException e) {
                    // an unreadable document counts as unavailable
                }
                unavailable.add(result.area());
            }
            try {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                        .end(YAML.writeValueAsString(AsyncApiMerger.merge(documents, unavailable,
                                asyncApiBrokers.orElse(bootstrapServers))));
            } catch (java.io.IOException e) {
                context.fail(e);
            }
        }).onFailure(context::fail);
    }

    private void health(RoutingContext context) {
        fetchAll("/q/health/ready").onSuccess(results -> {
            var services = new LinkedHashMap<String, String>();
            results.stream().sorted(java.util.Comparator.comparing(Fetched::area))
                    .forEach(r -> services.put(r.area(), r.status() == 200 ? "UP" : "DOWN"));
            var up = services.values().stream().allMatch("UP"::equals);
            var body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN");
            body.set("services", JSON.valueToTree(Map.copyOf(services)));
            context.response().setStatusCode(up ? 200 : 503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body.toString());
        }).onFailure(context::fail);
    }
}
