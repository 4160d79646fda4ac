package dk.kdnet.gateway;

import dk.kdnet.web.ClientAnswers;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.integration.DefaultStorkInfrastructure;
import io.smallrye.stork.loadbalancer.leastresponsetime.LeastResponseTimeConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The instances of each area's service ({@code kdnet.gateway.services.<area>}, one URL or several), balanced by
 * SmallRye Stork: a static list, and the least-response-time load balancer, which counts a failed call as a
 * 60 s answer, so an instance that fails is passed over until the others have answered many calls. Each
 * instance's {@code /q/health/ready} is checked every {@code kdnet.gateway.readiness-interval}; one that is not
 * ready gets no requests until it is again (an instance shutting down, or one that lost its database).
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private final Map<String, Area> areas = new ConcurrentHashMap<>();
    private volatile boolean defined;
    private Stork stork;
    private HttpClient probes;

    /** One area's service: its Stork service, all its instances and those ready now. */
    private record Area(String name, Service service, List<ServiceInstance> all, List<ServiceInstance> ready) {}

    void start(@Observes StartupEvent event) {
        areas();
        probes = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        vertx.setPeriodic(config.readinessInterval().toMillis(), id -> checkReadiness());
    }

    /** Defined at start, or by a first request that comes before the start event. */
    private Map<String, Area> areas() {
        if (!defined) {
            define();
        }
        return areas;
    }

    private synchronized void define() {
        if (defined) {
            return;
        }
        // Its own instance rather than Stork's global one: the services are defined here, not in configuration.
        stork = new Stork(new DefaultStorkInfrastructure());
        config.services().forEach((area, urls) -> {
            var addresses = urls.stream().map(url -> url.getHost() + ":" + GatewayRoutes.port(url))
                    .collect(Collectors.joining(","));
            var service = stork.defineIfAbsent(area, ServiceDefinition.of(
                    new StaticConfiguration().withAddressList(addresses),
                    new LeastResponseTimeConfiguration())).getService(area);
            // A static list answers at once.
            var instances = List.copyOf(service.getInstances().await().indefinitely());
            areas.put(area, new Area(area, service, instances, instances));
        });
        defined = true;
    }

    /**
     * Picks an instance of the area's service, other than {@code not} when there is another, and records the start
     * of a call to it: end it with {@link ServiceInstance#recordReply()} and {@link ServiceInstance#recordEnd}.
     */
    public ServiceInstance select(String area, ServiceInstance not) {
        var upstream = areas().get(area);
        var candidates = upstream.ready().isEmpty() ? upstream.all() : upstream.ready();
        if (not != null && candidates.size() > 1) {
            candidates = candidates.stream().filter(instance -> instance.getId() != not.getId()).toList();
        }
        return upstream.service().selectInstanceAndRecordStart(candidates, true);
    }

    /** Whether the area's service has an instance other than {@code instance} to try. */
    public boolean hasOther(String area, ServiceInstance instance) {
        return areas().get(area).all().stream().anyMatch(other -> other.getId() != instance.getId());
    }

    private void checkReadiness() {
        for (var area : List.copyOf(areas().values())) {
            var checks = area.all().stream().map(this::ready).toList();
            Future.join(checks).onComplete(done -> {
                var ready = new ArrayList<ServiceInstance>();
                for (int i = 0; i < checks.size(); i++) {
                    if (Boolean.TRUE.equals(checks.get(i).result())) {
                        ready.add(area.all().get(i));
                    }
                }
                if (!ready.equals(area.ready())) {
                    LOG.infof("%s-service: %d of %d instances ready: %s", area.name(), ready.size(), area.all().size(),
                            ready.stream().map(instance -> instance.getHost() + ":" + instance.getPort()).toList());
                    areas.put(area.name(), new Area(area.name(), area.service(), area.all(), List.copyOf(ready)));
                }
            });
        }
    }

    private Future<Boolean> ready(ServiceInstance instance) {
        return probes.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(instance.getHost())
                        .setPort(instance.getPort()).setURI("/q/health/ready")
                        .setIdleTimeout(config.readinessInterval().toMillis()))
                .compose(request -> request.send())
                .compose(ClientAnswers::statusOnceEnded).map(status -> status == 200)
                .otherwise(false);
    }

    /** An instance ready now (any, when none is), for the gateway's own reads of every area (OpenAPI, health). */
    public Map<String, URI> oneInstanceEach() {
        var chosen = new java.util.TreeMap<String, URI>();
        areas().forEach((name, area) -> {
            var instance = (area.ready().isEmpty() ? area.all() : area.ready()).get(0);
            chosen.put(name, URI.create("http://" + instance.getHost() + ":" + instance.getPort()));
        });
        return chosen;
    }
}
