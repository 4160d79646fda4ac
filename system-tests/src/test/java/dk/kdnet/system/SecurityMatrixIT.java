package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.testing.TestInfrastructure;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deny by default, as the portal and the municipal systems meet it: every operation of the merged
 * OpenAPI document, called by an anonymous caller, a member, a client system, the ESDH system's client and the
 * secretariat,
 * through the gateway and straight at its service, answers as the document's security requirement
 * says: 401 without a token, 403 with a token lacking the role, both as problem documents, and
 * neither when the role is there. Requests that get through cannot change anything: ids are unknown
 * and the secretariat's bodies are of a media type no operation takes.
 */
@ExtendWith(SystemStack.class)
class SecurityMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Caller {
        ANONYMOUS(), MEMBER("member"), CLIENT("client"), ESDH("client", "esdh"), SECRETARIAT("secretariat");

        final Set<String> roles;

        Caller(String... roles) {
            this.roles = Set.of(roles);
        }

        String token() {
            return switch (this) {
                case ANONYMOUS -> null;
                case CLIENT -> TestInfrastructure.tokens().forClient("matrix-finance-system", UUID.randomUUID());
                case ESDH -> TestInfrastructure.tokens().forEsdhClient("matrix-esdh-system");
                default -> TestInfrastructure.tokens().forRole(roles.iterator().next());
            };
        }
    }

    record Operation(String method, String path, JsonNode spec, Set<String> roles) {

        int expectedDenial(Caller caller) {
            if (roles.isEmpty() || caller.roles.stream().anyMatch(roles::contains)) {
                return 0;
            }
            return caller == Caller.ANONYMOUS ? 401 : 403;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEachCallerAsItsSecurityRequirementSays() throws Exception {
        var operations = operations(JSON.readTree(given().get("/openapi").then().statusCode(200).extract().asString()));
        assertTrue(operations.size() > 100, "the merged document lists every operation, found " + operations.size());
        for (var operation : operations) {
            // A client system manages its own webhooks (/api/subscriptions); no other write is a client's.
            if (!operation.method().equals("GET")) {
                assertTrue(operation.roles().contains("secretariat")
                        && (!operation.roles().contains("client") || operation.path().startsWith("/api/subscriptions")),
                        operation + " changes data or computes for a role: it must name its roles, " + operation.roles());
            }
        }
        var services = SystemStack.stack().services();
        var failures = new ArrayList<String>();
        for (var caller : Caller.values()) {
            var token = caller.token();
            for (var operation : operations) {
                var area = operation.path().split("/")[2];
                var service = services.entrySet().stream().filter(e -> e.getKey().key().equals(area)).findFirst()
                        .orElseThrow().getValue();
                check(operation, caller, "gateway", call(given(), operation, caller, token), failures);
                var direct = java.net.URI.create(service.url());
                check(operation, caller, "service", call(given().baseUri("http://" + direct.getHost())
                        .port(direct.getPort()), operation, caller, token), failures);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " answers break the matrix");
    }

    private static void check(Operation operation, Caller caller, String via, Response response,
            List<String> failures) {
        var status = response.statusCode();
        var expected = operation.expectedDenial(caller);
        var where = operation + " as " + caller + " via " + via + ": ";
        if (expected == 0) {
            if (status == 401 || status == 403 || status >= 500) {
                failures.add(where + "expected to be let through, got " + status + " " + response.asString());
            }
        } else if (status != expected) {
            failures.add(where + "expected " + expected + ", got " + status);
        } else if (!response.contentType().startsWith("application/problem+json")
                || response.jsonPath().getInt("status") != expected) {
            failures.add(where + expected + " without a problem document: " + response.asString());
        }
    }

    private static Response call(RequestSpecification request, Operation operation, Caller caller, String token) {
        if (token != null) {
            request.auth().oauth2(token);
        } else {
            request.auth().none();
        }
        var path = operation.path();
        for (var parameter : operation.spec().path("parameters")) {
            var name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", valueFor(operation, parameter));
                case "query" -> {
                    if (parameter.path("required").asBoolean()) {
                        request.queryParam(name, valueFor(operation, parameter));
                    }
                }
                default -> { }
            }
        }
        if (operation.spec().has("requestBody")) {
            // Denied callers send what the operation takes, so the denial is not a 415 in disguise;
            // the secretariat sends what no operation takes, so nothing is created.
            if (caller == Caller.SECRETARIAT) {
                request.contentType("text/plain").body("not what any operation takes");
            } else {
                request.contentType("application/json").body("{}");
            }
        }
        return request.request(operation.method(), path);
    }

    /** A value of the parameter's type that names nothing stored. */
    private static String valueFor(Operation operation, JsonNode parameter) {
        var schema = parameter.path("schema");
        var type = schema.path("$ref").asText(schema.path("type").asText());
        if (type.endsWith("/UUID")) {
            return UUID.randomUUID().toString();
        }
        if (type.endsWith("/LocalDate")) {
            return "2024-01-01";
        }
        return switch (type) {
            case "integer" -> "2024";
            case "string" -> "matrix";
            default -> throw new AssertionError(operation + ": no value for parameter " + parameter
                    + "; teach the matrix its type so the operation is not skipped");
        };
    }

    private static List<Operation> operations(JsonNode document) {
        var operations = new ArrayList<Operation>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            // A stream does not end: StreamIT walks what each caller sees in it.
            if (!entry.getValue().has("responses") || streams(entry.getValue())) {
                return;
            }
            var roles = new TreeSet<String>();
            entry.getValue().path("security").forEach(requirement -> requirement.path("bearer")
                    .forEach(role -> roles.add(role.asText())));
            operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), entry.getValue(), roles));
        }));
        return operations;
    }

    static boolean streams(JsonNode operation) {
        return operation.at("/responses/200/content").has("text/event-stream");
    }
}
