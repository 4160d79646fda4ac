package dk.kdnet.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The services and the gateway as processes, on given infrastructure. */
public final class KdnetStack implements AutoCloseable {

    public enum Service {
        GROUPS("groups-service", "groups", 8081),
        MEETINGS("meetings-service", "meetings", 8082),
        ECONOMY("economy-service", "economy", 8083),
        /** notifications-service, whose area in the gateway is {@code /api/subscriptions}. */
        SUBSCRIPTIONS("notifications-service", "notifications", 8084),
        GATEWAY("gateway", "gateway", 8080);

        public final String module;
        public final String database;
        public final int defaultPort;

        Service(String module, String database, int defaultPort) {
            this.module = module;
            this.database = database;
            this.defaultPort = defaultPort;
        }

        public String key() {
            return name().toLowerCase();
        }
    }

    /** On this machine webhook receivers are local: plain http to 127.0.0.1 is allowed (never on Kubernetes). */
    static final Map<String, String> LOCAL_RECEIVERS = Map.of("KDNET_WEBHOOKS_ALLOW_HTTP", "true",
            "KDNET_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32");

    private final Map<Service, List<ServiceProcess>> running = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private Path root;
    private Path logDir;

    private KdnetStack() {}

    /**
     * Starts the services and the gateway, if it is in {@code ports}, all at once: none depends on another at start.
     */
    public static KdnetStack start(Path root, Path logDir, Infrastructure infrastructure, Map<Service, Integer> ports,
            LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log) {
        return startInstances(root, logDir, infrastructure, oneEach(ports), tokens, extraEnv, log, false);
    }

    /**
     * As above, with an instance of each service on each of its ports (sharing its database and consumer groups),
     * and the gateway pointed at all of them.
     */
    public static KdnetStack startInstances(Path root, Path logDir, Infrastructure infrastructure,
            Map<Service, List<Integer>> ports, LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log) {
        return startInstances(root, logDir, infrastructure, ports, tokens, extraEnv, log, false);
    }

    /** As above; with {@code recordAotCaches}, each process records its AOT cache until the stack is closed. */
    static KdnetStack start(Path root, Path logDir, Infrastructure infrastructure, Map<Service, Integer> ports,
            LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log, boolean recordAotCaches) {
        return startInstances(root, logDir, infrastructure, oneEach(ports), tokens, extraEnv, log, recordAotCaches);
    }

    private static Map<Service, List<Integer>> oneEach(Map<Service, Integer> ports) {
        var lists = new EnumMap<Service, List<Integer>>(Service.class);
        ports.forEach((service, port) -> lists.put(service, List.of(port)));
        return lists;
    }

    private static KdnetStack startInstances(Path root, Path logDir, Infrastructure infrastructure,
            Map<Service, List<Integer>> ports, LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log,
            boolean recordAotCaches) {
        Launcher launcher = recordAotCaches ? ServiceProcess::launchRecording : ServiceProcess::launch;
        var stack = new KdnetStack();
        stack.root = root;
        stack.logDir = logDir;
        extraEnv = new HashMap<>(extraEnv);
        extraEnv.putAll(tokens.verifierEnv());
        try {
            var launched = new ArrayList<ServiceProcess>();
            for (var service : List.of(Service.GROUPS, Service.MEETINGS, Service.ECONOMY, Service.SUBSCRIPTIONS)) {
                if (ports.containsKey(service)) {
                    var env = new HashMap<>(extraEnv);
                    if (service == Service.SUBSCRIPTIONS) {
                        env.putAll(LOCAL_RECEIVERS);
                    }
                    env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(service.database));
                    env.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.dbUser());
                    env.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.dbPassword());
                    env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
                    stack.environments.put(service, Map.copyOf(env));
                    var instances = new ArrayList<ServiceProcess>();
                    for (var port : ports.get(service)) {
                        log.info(service.module + ": starting on port " + port);
                        // The first instance's log is the service's; more instances have their port in the name.
                        var logFile = logDir.resolve(service.module + (instances.isEmpty() ? "" : "-" + port) + ".log");
                        instances.add(launcher.launch(root, service.module, port, env, logFile));
                    }
                    stack.running.put(service, instances);
                    launched.addAll(instances);
                }
            }
            var gatewayEnv = new HashMap<>(extraEnv);
            // The gateway's live stream (/api/stream) reads the topics itself.
            gatewayEnv.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
            gatewayEnv.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(Service.GATEWAY.database));
            gatewayEnv.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.dbUser());
            gatewayEnv.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.dbPassword());
            stack.running.forEach((service, instances) -> gatewayEnv.put("KDNET_GATEWAY_SERVICES_" + service.name(),
                    String.join(",", instances.stream().map(ServiceProcess::url).toList())));
            stack.environments.put(Service.GATEWAY, Map.copyOf(gatewayEnv));
            // The gateway needs only the services' addresses, not their readiness (it checks that itself), so it
            // starts alongside them.
            if (ports.containsKey(Service.GATEWAY)) {
                var port = ports.get(Service.GATEWAY).getFirst();
                log.info("gateway: starting on port " + port);
                var gateway = launcher.launch(root, Service.GATEWAY.module, port, gatewayEnv,
                        logDir.resolve("gateway.log"));
                stack.running.put(Service.GATEWAY, List.of(gateway));
                launched.add(gateway);
            }
            launched.forEach(ServiceProcess::awaitReady);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private interface Launcher {
        ServiceProcess launch(Path root, String module, int port, Map<String, String> env, Path log);
    }

    /** The service's (first) instance. */
    public ServiceProcess service(Service service) {
        var instances = running.get(service);
        return instances == null ? null : instances.getFirst();
    }

    /** Every instance of the service the stack started. */
    public List<ServiceProcess> instances(Service service) {
        return running.getOrDefault(service, List.of());
    }

    /**
     * Launches one more instance of a running service, with the same configuration (database, Kafka and its
     * consumer groups) on another port, e.g. to consume in a group with the first; or a packaged gateway in front
     * of the stack's services. Stopped with the stack.
     */
    public ServiceProcess launchInstance(Service service, int port) {
        return launchInstance(service, port, Map.of());
    }

    /** As {@link #launchInstance(Service, int)}, with settings of its own on top. */
    public synchronized ServiceProcess launchInstance(Service service, int port, Map<String, String> settings) {
        var env = environments.get(service);
        if (env == null) {
            throw new IllegalStateException(service.module + " is not part of this stack");
        }
        var instanceEnv = new HashMap<>(env);
        instanceEnv.putAll(settings);
        var instance = ServiceProcess.launch(root, service.module, port, instanceEnv,
                logDir.resolve(service.module + "-" + port + ".log"));
        extraInstances.add(instance);
        return instance;
    }

    /** The (first) instance of each service. */
    public Map<Service, ServiceProcess> services() {
        var first = new EnumMap<Service, ServiceProcess>(Service.class);
        running.forEach((service, instances) -> first.put(service, instances.getFirst()));
        return first;
    }

    // Synchronized: Ctrl-C's hook may close the stack while it is being closed, and must wait for it.
    @Override
    public synchronized void close() {
        // The gateway first, so nobody reaches a service that is going away.
        var gateway = running.remove(Service.GATEWAY);
        if (gateway != null) {
            gateway.forEach(ServiceProcess::close);
        }
        var processes = new ArrayList<>(extraInstances);
        running.values().forEach(processes::addAll);
        extraInstances.clear();
        running.clear();
        // Together, not one after another: each waits seconds for its Kafka consumers to leave their groups.
        var stopping = processes.stream().map(process -> Thread.ofVirtual().start(process::close)).toList();
        for (var thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
