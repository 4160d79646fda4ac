package dk.kdnet.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The three services and the gateway as processes, on given infrastructure. */
public final class KdnetStack implements AutoCloseable {

    public enum Service {
        GROUPS("groups-service", "groups", 8081),
        MEETINGS("meetings-service", "meetings", 8082),
        ECONOMY("economy-service", "economy", 8083),
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

    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private Path root;
    private Path logDir;

    private KdnetStack() {}

    /**
     * Starts the services (all at once: they do not depend on each other at start) and then the
     * gateway, if it is in {@code ports}.
     */
    public static KdnetStack start(Path root, Path logDir, Infrastructure infrastructure, Map<Service, Integer> ports,
            LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log) {
        return start(root, logDir, infrastructure, ports, tokens, extraEnv, log, false);
    }

    /** As above; with {@code recordAotCaches}, each process records its AOT cache until the stack is closed. */
    static KdnetStack start(Path root, Path logDir, Infrastructure infrastructure, Map<Service, Integer> ports,
            LocalTokens tokens, Map<String, String> extraEnv, Infrastructure.Log log, boolean recordAotCaches) {
        Launcher launcher = recordAotCaches ? ServiceProcess::launchRecording : ServiceProcess::launch;
        var stack = new KdnetStack();
        stack.root = root;
        stack.logDir = logDir;
        extraEnv = new HashMap<>(extraEnv);
        extraEnv.putAll(tokens.verifierEnv());
        try {
            var launched = new ArrayList<ServiceProcess>();
            for (var service : List.of(Service.GROUPS, Service.MEETINGS, Service.ECONOMY)) {
                if (ports.containsKey(service)) {
                    var env = new HashMap<>(extraEnv);
                    env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(service.database));
                    env.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.dbUser());
                    env.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.dbPassword());
                    env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
                    stack.environments.put(service, Map.copyOf(env));
                    log.info(service.module + ": starting on port " + ports.get(service));
                    var process = launcher.launch(root, service.module, ports.get(service), env,
                            logDir.resolve(service.module + ".log"));
                    stack.running.put(service, process);
                    launched.add(process);
                }
            }
            launched.forEach(ServiceProcess::awaitReady);
            var gatewayEnv = new HashMap<>(extraEnv);
            // The gateway's live stream (/api/stream) reads the topics itself.
            gatewayEnv.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
            gatewayEnv.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(Service.GATEWAY.database));
            gatewayEnv.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.dbUser());
            gatewayEnv.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.dbPassword());
            for (var service : stack.running.keySet()) {
                gatewayEnv.put("KDNET_GATEWAY_SERVICES_" + service.name(), stack.running.get(service).url());
            }
            stack.environments.put(Service.GATEWAY, Map.copyOf(gatewayEnv));
            if (ports.containsKey(Service.GATEWAY)) {
                log.info("gateway: starting on port " + ports.get(Service.GATEWAY));
                stack.running.put(Service.GATEWAY, launcher.launch(root, Service.GATEWAY.module,
                        ports.get(Service.GATEWAY), gatewayEnv, logDir.resolve("gateway.log")).awaitReady());
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private interface Launcher {
        ServiceProcess launch(Path root, String module, int port, Map<String, String> env, Path log);
    }

    public ServiceProcess service(Service service) {
        return running.get(service);
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

    public Map<Service, ServiceProcess> services() {
        return Map.copyOf(running);
    }

    // Synchronized: Ctrl-C's hook may close the stack while it is being closed, and must wait for it.
    @Override
    public synchronized void close() {
        // The gateway first, so nobody reaches a service that is going away.
        var gateway = running.remove(Service.GATEWAY);
        if (gateway != null) {
            gateway.close();
        }
        var processes = new ArrayList<>(extraInstances);
        processes.addAll(running.values());
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
