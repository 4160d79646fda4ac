package dk.kdnet.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay of deploy/k8s with kustomize (kubectl's) and checks what a cluster would be given:
 * every resource against its model (fabric8's Kubernetes model, Strimzi's own API model; CloudNativePG's
 * resources and the Kubernetes schemas are checked by .ci/lint/k8s), the wiring between them, and that
 * the Deployments are what quarkus-kubernetes generates from each application's configuration.
 */
class DeploymentManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("kdnet.root", ".."));
    static final List<String> SERVICES = List.of("groups-service", "meetings-service", "economy-service",
            "notifications-service");
    static final List<String> APPLICATIONS = List.of("gateway", "groups-service", "meetings-service", "economy-service",
            "notifications-service");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The kinds the overlays may contain, each with the model it is checked against (null: .ci/lint/k8s checks it). */
    static final Map<String, Class<?>> MODELS = new java.util.HashMap<>(Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class, "Ingress", Ingress.class,
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class));
    static {
        MODELS.put("KafkaUser", KafkaUser.class);
        MODELS.put("Cluster", null);
        MODELS.put("ScheduledBackup", null);
    }

    private static final Map<String, List<JsonNode>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        var rendered = RENDERED.get(overlay);
        if (rendered == null) {
            rendered = kustomize(overlay);
            RENDERED.put(overlay, rendered);
        }
        return rendered;
    }

    private static List<JsonNode> kustomize(String overlay) throws IOException, InterruptedException {
        var kubectl = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays/" + overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = kubectl.start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (its kustomize renders deploy/k8s) is not on the PATH", e);
        }
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "kubectl kustomize " + overlay);
        try (var parser = YAML.getFactory().createParser(out)) {
            return StreamSupport.stream(YAML.readValues(parser, JsonNode.class).readAll().spliterator(), false)
                    .filter(node -> !node.isNull()).toList();
        }
    }

    static Stream<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind));
    }

    static JsonNode named(List<JsonNode> resources, String kind, String name) {
        return ofKind(resources, kind).filter(r -> r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyResourceFitsItsModel(String overlay) throws Exception {
        var resources = render(overlay);
        var problems = new ArrayList<String>();
        for (var resource : resources) {
            var kind = resource.path("kind").asText();
            var where = kind + " " + resource.path("metadata").path("name").asText();
            if (!MODELS.containsKey(kind)) {
                problems.add(where + ": a kind no check knows");
                continue;
            }
            if (MODELS.get(kind) == null) {
                continue;
            }
            try {
                unknownFields(YAML.treeToValue(resource, MODELS.get(kind)), where, problems);
            } catch (IOException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster"),
                kindsWithout(resources, Set.of("Ingress", "ScheduledBackup")));
    }

    static Set<String> kindsWithout(List<JsonNode> resources, Set<String> optional) {
        var kinds = new TreeSet<String>();
        resources.forEach(r -> kinds.add(r.path("kind").asText()));
        kinds.removeAll(optional);
        return kinds;
    }

    /**
     * The models keep what they do not know in additional properties instead of refusing it: a misspelt or
     * misplaced field shows there.
     */
    static void unknownFields(Object model, String path, List<String> problems) throws ReflectiveOperationException {
        switch (model) {
            case null -> { }
            case Map<?, ?> map -> {
                for (var entry : map.entrySet()) {
                    unknownFields(entry.getValue(), path + "." + entry.getKey(), problems);
                }
            }
            case Collection<?> list -> {
                int i = 0;
                for (var element : list) {
                    unknownFields(element, path + "[" + i++ + "]", problems);
                }
            }
            default -> {
                var type = model.getClass();
                if (type.isEnum() || !(type.getPackageName().startsWith("io.fabric8.kubernetes.api.model")
                        || type.getPackageName().startsWith("io.strimzi.api"))) {
                    return;
                }
                for (var getter : type.getMethods()) {
                    if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                            || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    Object value;
                    try {
                        value = getter.invoke(model);
                    } catch (InvocationTargetException e) {
                        continue; // a derived value that does not apply here
                    }
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            problems.add(path + ": unknown " + extra.keySet());
                        }
                    } else {
                        unknownFields(value, path + "." + getter.getName().substring(3), problems);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationHasProbesLimitsADisruptionBudgetAndAnAutoscaler(String overlay) throws Exception {
        var resources = render(overlay);
        assertEquals(new TreeSet<>(APPLICATIONS), names(ofKind(resources, "Deployment")));
        for (var name : APPLICATIONS) {
            var deployment = named(resources, "Deployment", name);
            var labels = deployment.path("spec").path("template").path("metadata").path("labels");
            var container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertTrue(container.path(probe).path("httpGet").path("path").asText().startsWith("/q/health/"),
                        name + " " + probe);
            }
            var resourcesOf = container.path("resources");
            assertTrue(resourcesOf.path("requests").has("cpu") && resourcesOf.path("requests").has("memory")
                    && resourcesOf.path("limits").has("memory"), name + " requests and limits");
            var budgets = ofKind(resources, "PodDisruptionBudget")
                    .filter(b -> selects(b.path("spec").path("selector"), labels)).count();
            assertEquals(1, budgets, name + ": one PodDisruptionBudget");
            var autoscaler = named(resources, "HorizontalPodAutoscaler", name).path("spec");
            assertEquals(name, autoscaler.path("scaleTargetRef").path("name").asText());
            assertTrue(autoscaler.path("maxReplicas").asInt() > autoscaler.path("minReplicas").asInt());
            assertEquals("kdnet", labels.path("app.kubernetes.io/part-of").asText(), "the default-deny policy covers " + name);
        }
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        var wanted = selector.path("matchLabels");
        var all = new boolean[] {true};
        wanted.fields().forEachRemaining(e -> all[0] &= labels.path(e.getKey()).asText().equals(e.getValue().asText()));
        return !wanted.isEmpty() && all[0];
    }

    static Set<String> names(Stream<JsonNode> resources) {
        var names = new TreeSet<String>();
        resources.forEach(r -> names.add(r.path("metadata").path("name").asText()));
        return names;
    }

    /** What CloudNativePG and Strimzi make: each database's app Secret, each KafkaUser's Secret, the cluster CA. */
    static Set<String> operatorSecrets(List<JsonNode> resources) {
        var secrets = new TreeSet<String>();
        ofKind(resources, "Cluster").forEach(c -> secrets.add(c.path("metadata").path("name").asText() + "-app"));
        ofKind(resources, "KafkaUser").forEach(u -> secrets.add(u.path("metadata").path("name").asText()));
        ofKind(resources, "Kafka").forEach(k -> secrets.add(k.path("metadata").path("name").asText() + "-cluster-ca-cert"));
        return secrets;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everySecretAndConfigMapADeploymentNamesExists(String overlay) throws Exception {
        var resources = render(overlay);
        var configMaps = names(ofKind(resources, "ConfigMap"));
        var secrets = operatorSecrets(resources);
        // Made by hand before the overlay is applied (docs/deployment.md).
        secrets.add("local".equals(overlay) ? "kdnet-local-jwt" : "kdnet-api-tls");
        for (var name : APPLICATIONS) {
            var spec = named(resources, "Deployment", name).path("spec").path("template").path("spec");
            for (var ref : spec.findValues("configMapRef")) {
                assertTrue(configMaps.contains(ref.path("name").asText()), name + " names ConfigMap " + ref);
            }
            for (var ref : spec.findValues("secretKeyRef")) {
                assertTrue(secrets.contains(ref.path("name").asText()), name + " names Secret " + ref);
            }
            for (var volume : spec.path("volumes")) {
                if (volume.has("secret")) {
                    assertTrue(secrets.contains(volume.path("secret").path("secretName").asText()), name + " mounts " + volume);
                }
            }
        }
        // Each service logs in to its own database and Kafka as itself.
        for (var service : SERVICES) {
            var env = named(resources, "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0).path("env");
            var database = service.replace("-service", "-db");
            assertEquals(database + "-app", secretOf(env, "QUARKUS_DATASOURCE_PASSWORD"));
            assertEquals(service, secretOf(env, "KAFKA_SASL_JAAS_CONFIG"));
            assertTrue(named(resources, "ConfigMap", service).path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText()
                    .startsWith("jdbc:postgresql://" + database + "-rw:5432/"));
        }
        // The gateway to its own, for the rate limit's buckets that all its replicas share.
        var gatewayEnv = named(resources, "Deployment", "gateway").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env");
        assertEquals("gateway-db-app", secretOf(gatewayEnv, "QUARKUS_DATASOURCE_PASSWORD"));
        assertTrue(named(resources, "ConfigMap", "gateway").path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText()
                .startsWith("jdbc:postgresql://gateway-db-rw:5432/"));
        assertEquals("false", named(resources, "ConfigMap", "kdnet-kafka").path("data").path("KDNET_EVENTS_CREATE_TOPICS").asText(),
                "on Kubernetes the topics are KafkaTopics, not made by the services");
    }

    static String secretOf(JsonNode env, String variable) {
        for (var entry : env) {
            if (entry.path("name").asText().equals(variable)) {
                return entry.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return fail("no " + variable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicTheAsyncApiDocumentsNameIsAKafkaTopic(String overlay) throws Exception {
        var resources = render(overlay);
        var topics = new TreeSet<String>();
        ofKind(resources, "KafkaTopic").forEach(t -> topics.add(t.path("spec").path("topicName").asText()));
        var named = new TreeSet<String>();
        for (var service : SERVICES) {
            asyncApi(service).path("channels").forEach(channel -> named.add(channel.path("address").asText()));
            // Where its consumers park what they give up on (common/events: <service>.dead-letter).
            named.add(service.replace("-service", "") + ".dead-letter");
        }
        assertTrue(named.size() >= 12, "the AsyncAPI documents were read: " + named);
        assertEquals(named, topics, "a KafkaTopic for every topic, and none other");
        // Each KafkaUser may read what its service consumes.
        for (var service : SERVICES) {
            var acls = named(resources, "KafkaUser", service).path("spec").path("authorization").path("acls");
            asyncApi(service).path("channels").forEach(channel -> {
                var topic = channel.path("address").asText();
                assertTrue(reads(acls, topic), service + " may read " + topic);
            });
        }
        // The gateway's live stream reads every event topic, and writes nothing.
        var gateway = named(resources, "KafkaUser", "gateway").path("spec").path("authorization").path("acls");
        named.stream().filter(topic -> !topic.endsWith(".dead-letter"))
                .forEach(topic -> assertTrue(reads(gateway, topic), "the gateway may read " + topic));
        assertFalse(gateway.toString().contains("Write"), "the gateway writes no topic: " + gateway);
    }

    private static boolean reads(JsonNode acls, String topic) {
        return StreamSupport.stream(acls.spliterator(), false).anyMatch(acl -> {
            var resource = acl.path("resource");
            var name = resource.path("name").asText();
            var matches = "prefix".equals(resource.path("patternType").asText()) ? topic.startsWith(name) : topic.equals(name);
            return "topic".equals(resource.path("type").asText()) && matches
                    && acl.path("operations").toString().contains("Read");
        });
    }

    /** A service's AsyncAPI document; empty for one that publishes no events (notifications-service). */
    static JsonNode asyncApi(String service) throws IOException {
        var file = ROOT.resolve(service + "/src/main/resources/META-INF/resources/asyncapi.yaml");
        return Files.exists(file) ? YAML.readTree(file.toFile()) : YAML.createObjectNode();
    }

    @Test
    void productionReplicatesEverythingThreeTimesAndBacksUpEveryDatabase() throws Exception {
        var resources = render("production");
        ofKind(resources, "KafkaTopic").forEach(topic -> {
            assertEquals(3, topic.path("spec").path("replicas").asInt(), topic.toString());
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), topic.toString());
            assertTrue(topic.path("spec").path("config").has("retention.ms"), topic.toString());
            assertEquals(3, topic.path("spec").path("partitions").asInt(), topic.toString());
        });
        assertEquals(3, named(resources, "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt());
        // Consumer lag by group and topic for the alert rules: Strimzi's Kafka Exporter, every group and topic.
        var exporter = named(resources, "Kafka", "kdnet").path("spec").path("kafkaExporter");
        assertEquals(".*", exporter.path("groupRegex").asText());
        assertEquals(".*", exporter.path("topicRegex").asText());
        for (var service : SERVICES) {
            var database = service.replace("-service", "-db");
            var cluster = named(resources, "Cluster", database).path("spec");
            assertEquals(3, cluster.path("instances").asInt());
            assertTrue(cluster.path("backup").path("barmanObjectStore").path("destinationPath").asText().startsWith("s3://"));
            assertTrue(ofKind(resources, "ScheduledBackup")
                    .anyMatch(b -> b.path("spec").path("cluster").path("name").asText().equals(database)), database);
            assertTrue(named(resources, "HorizontalPodAutoscaler", service).path("spec").path("minReplicas").asInt() >= 2);
        }
        assertEquals("true", named(resources, "ConfigMap", "kdnet-runtime").path("data").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText());
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() throws Exception {
        var resources = render("production");
        var policies = ofKind(resources, "NetworkPolicy").toList();
        var denyAll = named(resources, "NetworkPolicy", "kdnet-default-deny").path("spec");
        assertEquals("kdnet", denyAll.path("podSelector").path("matchLabels").path("app.kubernetes.io/part-of").asText());
        assertTrue(denyAll.path("ingress").isMissingNode() && denyAll.path("egress").isMissingNode());
        for (var service : SERVICES) {
            var labels = named(resources, "Deployment", service).path("spec").path("template").path("metadata").path("labels");
            for (var policy : policies) {
                if (!selects(policy.path("spec").path("podSelector"), labels)) {
                    continue;
                }
                for (var rule : policy.path("spec").path("ingress")) {
                    assertTrue(rule.has("from"), service + " takes connections from anywhere: " + policy);
                    for (var peer : rule.path("from")) {
                        var fromGateway = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText().equals("gateway");
                        var fromMonitoring = peer.path("namespaceSelector").path("matchLabels")
                                .path("kubernetes.io/metadata.name").asText().equals("monitoring");
                        assertTrue(fromGateway || fromMonitoring, service + " takes connections from " + peer);
                    }
                }
                // Its egress: its own database, Kafka, DNS, the OIDC provider's JWKS on 443, nothing else.
                for (var rule : policy.path("spec").path("egress")) {
                    for (var peer : rule.path("to")) {
                        var database = peer.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText();
                        assertTrue(database.isEmpty() || database.equals(service.replace("-service", "-db")), service + " reaches " + database);
                        assertTrue(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").isMissingNode(),
                                service + " reaches another application: " + peer);
                    }
                }
            }
        }
        var ingress = named(resources, "Ingress", "gateway");
        ingress.findValues("service").forEach(backend -> assertEquals("gateway", backend.path("name").asText()));
        assertTrue(ofKind(resources, "Service").allMatch(s -> !s.path("spec").has("type")
                || "ClusterIP".equals(s.path("spec").path("type").asText())), "no Service is exposed itself");
    }

    /** quarkus-kubernetes generates each application's Deployment at build from its configuration; deploy/k8s keeps to it. */
    @Test
    void deploymentsAreWhatQuarkusKubernetesGenerates() throws Exception {
        var resources = render("production");
        for (var name : APPLICATIONS) {
            var generatedFile = ROOT.resolve(name + "/target/kubernetes/kubernetes.yml");
            assertTrue(Files.exists(generatedFile), generatedFile + ": package " + name + " first");
            JsonNode generated = null;
            try (var parser = YAML.getFactory().createParser(generatedFile.toFile())) {
                for (var node : YAML.readValues(parser, JsonNode.class).readAll()) {
                    if ("Deployment".equals(node.path("kind").asText())) {
                        generated = node;
                    }
                }
            }
            assertNotNull(generated, name);
            var expected = generated.path("spec").path("template").path("spec").path("containers").get(0);
            var actual = named(resources, "Deployment", name).path("spec").path("template").path("spec").path("containers").get(0);
            assertEquals(expected.path("resources"), actual.path("resources"), name + " resources");
            var port = actual.path("ports").get(0);
            assertEquals(expected.path("ports").get(0).path("containerPort"), port.path("containerPort"), name + " port");
            for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                var want = expected.path(probe);
                var have = actual.path(probe);
                assertEquals(want.path("httpGet").path("path"), have.path("httpGet").path("path"), name + " " + probe);
                assertEquals(want.path("httpGet").path("port").asInt(),
                        have.path("httpGet").path("port").asText().equals(port.path("name").asText())
                                ? port.path("containerPort").asInt() : have.path("httpGet").path("port").asInt(),
                        name + " " + probe + " port");
                for (var field : List.of("periodSeconds", "timeoutSeconds", "failureThreshold")) {
                    assertEquals(want.path(field), have.path(field), name + " " + probe + " " + field);
                }
                assertEquals(want.path("initialDelaySeconds").asInt(), have.path("initialDelaySeconds").asInt(), name + " " + probe);
            }
        }
    }

    /** The image's AOT cache maps only with the flags it was recorded with: the root pom's, which ./kdnet up also uses. */
    @Test
    void everyApplicationRunsWithTheFlagsOfTheRootPom() throws Exception {
        var flags = String.join(" ", System.getProperty("kdnet.service.jvm-flags").split(","));
        var resources = render("production");
        for (var name : APPLICATIONS) {
            var env = named(resources, "Deployment", name).path("spec").path("template").path("spec").path("containers").get(0).path("env");
            var javaOpts = StreamSupport.stream(env.spliterator(), false)
                    .filter(variable -> "JAVA_OPTS".equals(variable.path("name").asText()))
                    .map(variable -> variable.path("value").asText()).findFirst().orElse("");
            assertTrue(javaOpts.startsWith(flags + " -Xm"), name + " JAVA_OPTS '" + javaOpts + "' starts with '" + flags + "' and sets the heap");
        }
        var dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("ENV JAVA_OPTS=\"" + flags + " "), "the Dockerfile's JAVA_OPTS start with '" + flags + "'");
    }
}
