package dk.kdnet.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * bench/fuzz.sh: thousands of generated bad requests, as the secretariat (so they get past the role checks)
 * through the gateway, spread over every operation of the merged OpenAPI document: wrong types, missing
 * fields, huge strings, unknown enum values, malformed JSON, wrong content types, negative and huge numbers,
 * invalid dates, unknown and malformed path ids. Counts the answers by status; fails on any 5xx and on any
 * change to the data readable through the API (every list, every page, and every resource they name).
 * Not a test of ./mvnw verify: it runs only with -Dkdnet.fuzz.requests=N.
 */
@ExtendWith(SystemStack.class)
@EnabledIfSystemProperty(named = "kdnet.fuzz.requests", matches = "\\d+")
@Order(Order.DEFAULT + 5)
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SECRETARIAT = TestInfrastructure.tokens().forRole("secretariat");
    private static final String HUGE = "x".repeat(100_000);
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "-1", "0", "9".repeat(40),
            "y".repeat(5_000), "%00", "..%2F..%2Fetc%2Fpasswd", "'%20OR%20'1'='1", UUID.randomUUID().toString());
    private static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "1e309",
            "2024-13-45", "2024-02-30", "NOT_A_VALUE", "", "z".repeat(5_000), "' OR '1'='1", "%");
    private static final List<String> MALFORMED_BODIES = List.of("{", "[1,2", "{\"a\":}", "null", "\"just a string\"",
            "42", "[]", "{\"a\":1}}", "\u0000\u0001binary", "{'single':'quotes'}", "");

    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Fuzzed(String kind, String path, Map<String, String> query, Map<String, String> headers, String contentType,
            String body) {}

    private final URI gateway = SystemStack.gateway().resolve("/");

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode document;

    @Test
    void badRequestsGetNo5xxAndChangeNothing() throws Exception {
        var requests = Integer.getInteger("kdnet.fuzz.requests");
        var random = new Random(Long.getLong("kdnet.fuzz.seed", 20231025L));
        document = JSON.readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        var operations = operations();
        var before = snapshot();
        var byStatus = new TreeMap<Integer, Integer>();
        var byKind = new TreeMap<String, Integer>();
        var serverErrors = new ArrayList<String>();
        var accepted = new ArrayList<String>();
        var started = System.nanoTime();
        for (var i = 0; i < requests; i++) {
            var operation = operations.get(i % operations.size());
            var fuzzed = fuzz(operation, random);
            var status = send(operation, fuzzed);
            byStatus.merge(status, 1, Integer::sum);
            byKind.merge(fuzzed.kind(), 1, Integer::sum);
            var sample = operation + " [" + fuzzed.kind() + "] " + fuzzed.path() + " " + fuzzed.query() + " "
                    + abbreviate(fuzzed.body()) + " -> " + status;
            if (status >= 500) {
                serverErrors.add(sample);
            } else if (status < 300 && !operation.method().equals("GET")) {
                accepted.add(sample);
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var after = snapshot();
        var changed = new ArrayList<String>();
        after.forEach((url, body) -> {
            if (!body.equals(before.get(url))) {
                changed.add(url);
            }
        });
        before.keySet().stream().filter(url -> !after.containsKey(url)).forEach(changed::add);

        System.out.printf("fuzz: %d bad requests to %d operations in %.1f s (seed %d)%n", requests, operations.size(),
                seconds, Long.getLong("kdnet.fuzz.seed", 20231025L));
        System.out.println("fuzz: by kind " + byKind);
        System.out.println("fuzz: by status " + byStatus);
        System.out.printf("fuzz: 5xx answers: %d (target 0)%n", serverErrors.size());
        serverErrors.stream().limit(20).forEach(line -> System.out.println("fuzz:   5xx " + line));
        System.out.printf("fuzz: writes accepted: %d%n", accepted.size());
        accepted.stream().limit(20).forEach(line -> System.out.println("fuzz:   accepted " + line));
        System.out.printf("fuzz: data checked before and after: %d resources; changed: %d (target 0)%n",
                before.size(), changed.size());
        changed.stream().limit(20).forEach(url -> System.out.println("fuzz:   changed " + url));
        assertEquals(List.of(), serverErrors, "no bad request may cause a 5xx");
        assertEquals(List.of(), accepted, "no bad write may be accepted");
        assertEquals(List.of(), changed, "no bad request may change data");
    }

    /** Sent as raw bytes with a plain HTTP client: a test client would "help" with encodings and content types. */
    private int send(Operation operation, Fuzzed fuzzed) throws Exception {
        var query = new StringBuilder();
        fuzzed.query().forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value));
        var request = HttpRequest.newBuilder(gateway.resolve(fuzzed.path().substring(1) + query))
                .header("Authorization", "Bearer " + SECRETARIAT)
                .timeout(Duration.ofSeconds(30));
        fuzzed.headers().forEach(request::header);
        if (fuzzed.contentType() != null) {
            request.header("Content-Type", fuzzed.contentType());
        }
        var body = fuzzed.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(fuzzed.body());
        return http.send(request.method(operation.method(), body).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private Fuzzed fuzz(Operation operation, Random random) {
        var kinds = new ArrayList<String>();
        if (operation.path().contains("{")) {
            kinds.add("path id");
        }
        if (queryParameters(operation).size() > 0) {
            kinds.add("query value");
        }
        var bodySchema = bodySchema(operation);
        if (bodySchema != null) {
            kinds.addAll(List.of("malformed json", "content type", "field value", "field value", "field value",
                    "missing field", "unknown field"));
        }
        if (kinds.isEmpty()) {
            kinds.add("query value");
        }
        var kind = kinds.get(random.nextInt(kinds.size()));
        // Unknown ids unless the path id itself is fuzzed: a body that slips through still names nothing.
        var path = fillPath(operation, random, kind.equals("path id"));
        var query = new LinkedHashMap<String, String>();
        var headers = new LinkedHashMap<String, String>();
        if (operation.method().equals("PUT")) {
            // An update that slipped through validation must still not apply: stale or malformed versions.
            // ("-1" would be valid: the ETag of a body's numbering policy before it is first chosen.)
            headers.put("If-Match", List.of("\"999999\"", "garbage", "W/\"x\"").get(random.nextInt(3)));
        }
        String contentType = bodySchema == null ? null : "application/json";
        String body = bodySchema == null ? null : JSON.valueToTree(example(bodySchema, 0)).toString();
        switch (kind) {
            case "query value" -> {
                var parameters = queryParameters(operation);
                var name = parameters.isEmpty() ? "page" : parameters.get(random.nextInt(parameters.size()));
                query.put(name, encode(BAD_QUERY_VALUES.get(random.nextInt(BAD_QUERY_VALUES.size()))));
            }
            case "malformed json" -> body = MALFORMED_BODIES.get(random.nextInt(MALFORMED_BODIES.size()));
            case "content type" -> contentType = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/octet-stream").get(random.nextInt(5));
            case "field value", "missing field", "unknown field" -> body = mutate(kind, bodySchema, random);
            default -> { }
        }
        return new Fuzzed(kind, path, query, headers, contentType, body);
    }

    private String mutate(String kind, JsonNode schema, Random random) {
        var object = example(schema, 0);
        if (!(object instanceof ObjectNode fields) || fields.isEmpty()) {
            return "{\"fuzz\":" + JSON.valueToTree(object) + "}";
        }
        var names = new ArrayList<String>();
        fields.fieldNames().forEachRemaining(names::add);
        switch (kind) {
            case "unknown field" -> fields.put("fuzzUnknownField", "x");
            case "missing field" -> {
                var required = new ArrayList<String>();
                resolve(schema).path("required").forEach(name -> required.add(name.asText()));
                if (required.isEmpty()) {
                    // Nothing is required: an empty string where each field wants a value is as bad.
                    names.forEach(name -> fields.set(name, NODES.objectNode()));
                } else {
                    fields.remove(required.get(random.nextInt(required.size())));
                }
            }
            default -> {
                var name = names.get(random.nextInt(names.size()));
                fields.set(name, badValue(resolve(resolve(schema).path("properties").path(name)), random));
            }
        }
        return fields.toString();
    }

    /** A value no field of this schema takes. */
    private JsonNode badValue(JsonNode schema, Random random) {
        if (schema.has("enum")) {
            return NODES.textNode("NOT_A_VALUE");
        }
        var format = schema.path("format").asText();
        return switch (schema.path("type").asText()) {
            case "string" -> switch (format) {
                case "date" -> NODES.textNode(List.of("2024-02-30", "not-a-date", "99999-01-01").get(random.nextInt(3)));
                case "uuid" -> NODES.textNode("not-a-uuid");
                case "date-time" -> NODES.textNode("yesterday");
                default -> random.nextBoolean() && schema.has("maxLength") ? NODES.textNode(HUGE) : NODES.objectNode()
                        .put("nested", 1);
            };
            case "integer" -> List.<JsonNode>of(NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                    NODES.textNode("abc"), NODES.numberNode(1.5), schema.path("minimum").asDouble(-1) >= 0
                            ? NODES.numberNode(-1) : NODES.arrayNode()).get(random.nextInt(4));
            case "number" -> List.<JsonNode>of(NODES.numberNode(new BigDecimal("1e400")), NODES.textNode("abc"),
                    NODES.arrayNode()).get(random.nextInt(3));
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.textNode("not-an-array");
            default -> NODES.numberNode(42);
        };
    }

    /** A plausible value of the schema, from its examples where it has them; recursive schemas end in null. */
    private JsonNode example(JsonNode schema, int depth) {
        var resolved = resolve(schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("allOf") || resolved.has("oneOf") || resolved.has("anyOf")) {
            var parts = resolved.has("allOf") ? resolved.get("allOf") : resolved.has("oneOf") ? resolved.get("oneOf")
                    : resolved.get("anyOf");
            return example(parts.get(0), depth + 1);
        }
        return switch (resolved.path("type").asText()) {
            case "string" -> switch (resolved.path("format").asText()) {
                case "date" -> NODES.textNode("2024-01-01");
                case "date-time" -> NODES.textNode("2024-01-01T10:00:00Z");
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                default -> NODES.textNode("fuzz");
            };
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode items = NODES.arrayNode();
                items.add(example(resolved.path("items"), depth + 1));
                yield items;
            }
            default -> {
                var object = NODES.objectNode();
                resolved.path("properties").properties().forEach(p -> object.set(p.getKey(), example(p.getValue(),
                        depth + 1)));
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        var ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : resolve(document.at(ref.substring(1)));
    }

    private JsonNode bodySchema(Operation operation) {
        var json = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
        return json.isMissingNode() ? null : json;
    }

    private static List<String> queryParameters(Operation operation) {
        var names = new ArrayList<String>();
        operation.spec().path("parameters").forEach(p -> {
            if (p.path("in").asText().equals("query")) {
                names.add(p.path("name").asText());
            }
        });
        return names;
    }

    private static String fillPath(Operation operation, Random random, boolean badId) {
        var path = operation.path();
        var names = new ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        var fuzzed = badId ? names.get(random.nextInt(names.size())) : null;
        for (var name : names) {
            var value = name.equals(fuzzed) ? BAD_PATH_VALUES.get(random.nextInt(BAD_PATH_VALUES.size()))
                    : UUID.randomUUID().toString();
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            // A stream does not end (its bad input is StreamIT's).
            if (entry.getValue().has("responses") && !SecurityMatrixIT.streams(entry.getValue())) {
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    /**
     * What the API shows: every page of every list (a GET without path parameters that needs no query), and
     * every resource those lists name that has a read of its own.
     */
    private Map<String, String> snapshot() {
        var snapshot = new TreeMap<String, String>();
        var paths = document.path("paths");
        paths.properties().forEach(path -> {
            var get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().contains("{") || path.getKey().contains("/admin/")
                    || requiresQuery(get) || SecurityMatrixIT.streams(get)) {
                return;
            }
            for (var page = 0; ; page++) {
                var url = path.getKey() + "?size=200&page=" + page;
                var response = given().auth().oauth2(SECRETARIAT).get(url);
                var body = response.asString();
                snapshot.put(url, response.statusCode() + " " + body);
                JsonNode items;
                try {
                    items = JSON.readTree(body).path("items");
                } catch (Exception e) {
                    break;
                }
                var single = path.getKey() + "/{id}";
                items.forEach(item -> {
                    if (item.has("id") && paths.has(single)) {
                        var itemUrl = path.getKey() + "/" + item.get("id").asText();
                        var read = given().auth().oauth2(SECRETARIAT).get(itemUrl);
                        snapshot.put(itemUrl, read.statusCode() + " " + read.asString());
                    }
                });
                if (items.size() < 200) {
                    break;
                }
            }
        });
        return snapshot;
    }

    private static boolean requiresQuery(JsonNode operation) {
        for (var parameter : operation.path("parameters")) {
            if (parameter.path("required").asBoolean() && parameter.path("in").asText().equals("query")) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "..." : body;
    }
}
