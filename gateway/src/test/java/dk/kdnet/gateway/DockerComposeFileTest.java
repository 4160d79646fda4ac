package dk.kdnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.local.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs here, so the compose file's structure is checked instead. */
class DockerComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        var file = Infrastructure.root().resolve("docker-compose.yml");
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    void hasInfrastructureTheServicesAndTheGateway() throws IOException {
        @SuppressWarnings("unchecked")
        var services = (Map<String, Object>) compose().get("services");
        assertEquals(List.of("postgres", "kafka", "keycloak", "groups-service", "meetings-service", "economy-service",
                "notifications-service", "gateway"), List.copyOf(services.keySet()));
        assertTrue(!compose().containsKey("version"), "the obsolete version key is left out");
        assertEquals("postgres:15", service("postgres").get("image"));
        assertTrue(String.valueOf(service("kafka").get("image")).startsWith("apache/kafka:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaRunsInKraftMode() throws IOException {
        var env = (Map<String, Object>) service("kafka").get("environment");
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertTrue(env.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesAreBuiltWaitForHealthyDependenciesAndAreConfiguredByEnvironment() throws IOException {
        for (var name : List.of("groups-service", "meetings-service", "economy-service", "notifications-service")) {
            var service = service(name);
            var build = (Map<String, Object>) service.get("build");
            assertEquals(name, ((Map<String, Object>) build.get("args")).get("MODULE"));
            assertTrue(Files.exists(Infrastructure.root().resolve(String.valueOf(build.get("context")))
                    .resolve("Dockerfile")));
            var env = (Map<String, Object>) service.get("environment");
            assertEquals("jdbc:postgresql://postgres:5432/" + name.replace("-service", ""),
                    env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
            var dependsOn = (Map<String, Map<String, Object>>) service.get("depends_on");
            assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
            assertEquals("service_healthy", dependsOn.get("kafka").get("condition"));
            assertEquals("service_healthy", dependsOn.get("keycloak").get("condition"));
            assertTrue(service.containsKey("healthcheck"), name + " has a health check");
            assertVerifiesKeycloakTokens(env);
        }
        var gateway = service("gateway");
        assertEquals(List.of("8080:8080"), gateway.get("ports"));
        var env = (Map<String, Object>) gateway.get("environment");
        assertEquals("http://groups-service:8080", env.get("KDNET_GATEWAY_SERVICES_GROUPS"));
        assertEquals("http://notifications-service:8080", env.get("KDNET_GATEWAY_SERVICES_SUBSCRIPTIONS"));
        assertEquals("jdbc:postgresql://postgres:5432/gateway", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        var dependsOn = (Map<String, Map<String, String>>) gateway.get("depends_on");
        assertEquals(5, dependsOn.size());
        assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
        assertTrue(Files.readString(Infrastructure.root().resolve("local/docker/create-databases.sql"))
                .contains("CREATE DATABASE gateway;"));
        assertVerifiesKeycloakTokens(env);
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheKdnetRealmWithItsRoles() throws IOException {
        var keycloak = service("keycloak");
        assertTrue(String.valueOf(keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:"));
        assertTrue(((List<String>) keycloak.get("command")).contains("--import-realm"));
        var volume = ((List<String>) keycloak.get("volumes")).get(0);
        var realmFile = Infrastructure.root().resolve(volume.substring(0, volume.indexOf(':')));
        var realm = (Map<String, Object>) new Yaml().load(Files.readString(realmFile));
        var roles = ((List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles")).get("realm")).stream()
                .map(role -> role.get("name")).toList();
        assertEquals(List.of("secretariat", "member", "client", "esdh"), roles);
        assertTrue(keycloak.containsKey("healthcheck"));
    }

    private static void assertVerifiesKeycloakTokens(Map<String, Object> env) {
        assertEquals("http://keycloak:8180/realms/kdnet/protocol/openid-connect/certs",
                env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("http://localhost:8180/realms/kdnet", env.get("MP_JWT_VERIFY_ISSUER"));
        assertEquals("realm_access/roles", env.get("SMALLRYE_JWT_PATH_GROUPS"));
    }
}
