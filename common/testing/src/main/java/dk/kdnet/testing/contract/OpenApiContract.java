package dk.kdnet.testing.contract;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAPI 3.1 document as a contract that requests and responses are checked against: the operation is found by
 * method and path template, the status must be documented (or fall under {@code 4XX} or {@code default}), the content
 * type must be one documented for that status, and a JSON body must validate against its schema (JSON Schema 2020-12
 * in OpenAPI's dialect, {@code $ref}s to the document's components resolved, formats asserted).
 *
 * <p>Only JSON bodies are validated; for other media types (PDF, ZIP, iCalendar, multipart uploads) the content type
 * is what the document can say and what is checked. Paths outside {@code /api/} (health, the OpenAPI document itself,
 * Swagger UI, Quarkus's {@code /q/}) are no operations of the API and are not checked.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where the document is registered, so that {@code #/components/...} references resolve within it. */
    private static final String DOCUMENT = "https://contract.kdnet.invalid/openapi.json";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final JsonNode document;
    private final String basePath;
    private final List<Template> templates;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int literals) {}

    private record Operation(String method, String path, JsonNode spec) {

        String lowerMethod() {
            return method.toLowerCase(Locale.ROOT);
        }

        String name() {
            var id = spec.path("operationId").asString("");
            return method + " " + path + (id.isEmpty() ? "" : " (" + id + ")");
        }
    }

    private OpenApiContract(String text) {
        document = JSON.readTree(text);
        basePath = basePath(document.path("servers").path(0).path("url").asString("/"));
        var found = new ArrayList<Template>();
        for (var path : document.path("paths").propertyNames()) {
            var literal = PARAMETER.matcher(path).replaceAll("");
            var regex = new StringBuilder();
            var matcher = PARAMETER.matcher(path);
            var at = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(path.substring(at, matcher.start()))).append("[^/]+");
                at = matcher.end();
            }
            regex.append(Pattern.quote(path.substring(at)));
            found.add(new Template(path, Pattern.compile(regex.toString()), literal.length()));
        }
        // /api/meetings/search before /api/meetings/{id}: the template with more fixed text wins.
        found.sort(Comparator.comparingInt(Template::literals).reversed());
        templates = List.copyOf(found);
        registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true).build()));
    }

    /** @param document the OpenAPI 3.1 document as JSON */
    public static OpenApiContract of(String document) {
        return new OpenApiContract(document);
    }

    /** The names in the document's {@code x-unavailable-services}: areas whose operations it could not list. */
    public Set<String> unavailableAreas() {
        var areas = new TreeSet<String>();
        document.path("x-unavailable-services").forEach(area -> areas.add(area.asString()));
        return areas;
    }

    /**
     * Every 4xx and 5xx response of every operation that does not answer an RFC 9457 problem: as {@code get
     * /api/x/{id} 404}, each lacking {@code application/problem+json} content whose schema is the shared
     * {@code Problem}. None when every failure of the API is documented as the problem it is.
     */
    public List<String> failuresWithoutProblemContent() {
        var missing = new ArrayList<String>();
        for (var path : document.path("paths").propertyNames()) {
            for (var method : document.path("paths").path(path).propertyNames()) {
                var responses = document.path("paths").path(path).path(method).path("responses");
                for (var status : responses.propertyNames()) {
                    if (!status.startsWith("4") && !status.startsWith("5")) {
                        continue;
                    }
                    var response = resolve(pointer("paths", path, method, "responses", status)).node();
                    var schema = response.path("content").path(PROBLEM_MEDIA_TYPE).path("schema");
                    if (!PROBLEM_SCHEMA.equals(schema.path("$ref").asString(""))) {
                        missing.add(method + " " + path + " " + status);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * The exchange's violations of the document: none when it conforms. A request body is checked only when the
     * response is 2xx: tests send bad requests on purpose, but what the API accepts must be what it documents.
     */
    public List<Violation> check(Exchange exchange) {
        var path = exchange.path();
        if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length());
        }
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        var violations = new ArrayList<Violation>();
        var found = operation(exchange.method(), path);
        var status = exchange.status();
        if (found.isEmpty()) {
            var area = path.split("/", 4)[2];
            // An unknown path or method answered as such, or an area whose document the gateway could not fetch.
            if (status != 404 && status != 405 && !unavailableAreas().contains(area)) {
                violations.add(new Violation(exchange.method() + " " + path, status, "response", "",
                        String.valueOf(status), "no operation of the document has this method and path"));
            }
            return violations;
        }
        var operation = found.get();
        checkResponse(operation, exchange, violations);
        if (status >= 200 && status < 300 && exchange.requestBody() != null) {
            checkRequest(operation, exchange, violations);
        }
        return violations;
    }

    private void checkResponse(Operation operation, Exchange exchange, List<Violation> violations) {
        var status = exchange.status();
        var responses = operation.spec().path("responses");
        var key = responseKey(responses, status);
        if (key == null) {
            violations.add(new Violation(operation.name(), status, "response", "", String.valueOf(status),
                    "status not documented; the document lists " + names(responses)));
            return;
        }
        var response = resolve(pointer("paths", operation.path(), operation.lowerMethod(), "responses", key));
        var content = response.node().path("content");
        var hasBody = exchange.responseBody().length > 0 && !exchange.method().equals("HEAD");
        if (content.isEmpty()) {
            if (hasBody) {
                violations.add(new Violation(operation.name(), status, "response", "",
                        String.valueOf(exchange.responseContentType()), "a body, but the document says none"));
            }
            return;
        }
        if (!hasBody) {
            if (status != 204 && status != 304 && !exchange.method().equals("HEAD")) {
                violations.add(new Violation(operation.name(), status, "response", "", "(no body)",
                        "no body, but the document says " + names(content)));
            }
            return;
        }
        var mediaType = mediaType(content, exchange.responseContentType());
        if (mediaType == null) {
            violations.add(new Violation(operation.name(), status, "response", "",
                    String.valueOf(exchange.responseContentType()), "content type not documented for " + status
                            + "; the document lists " + names(content)));
            return;
        }
        validate(operation, status, "response", response.pointer() + pointer("content", mediaType, "schema"),
                content.path(mediaType), mediaType, new String(exchange.responseBody(), StandardCharsets.UTF_8),
                violations);
    }

    private void checkRequest(Operation operation, Exchange exchange, List<Violation> violations) {
        var requestBody = resolve(pointer("paths", operation.path(), operation.lowerMethod(), "requestBody"));
        var content = requestBody.node().path("content");
        if (content.isEmpty()) {
            if (!exchange.requestBody().isEmpty()) {
                violations.add(new Violation(operation.name(), exchange.status(), "request", "",
                        String.valueOf(exchange.requestContentType()), "accepted a body the document does not take"));
            }
            return;
        }
        var mediaType = mediaType(content, exchange.requestContentType());
        if (mediaType == null) {
            violations.add(new Violation(operation.name(), exchange.status(), "request", "",
                    String.valueOf(exchange.requestContentType()), "accepted a content type the document does not"
                            + " take; it lists " + names(content)));
            return;
        }
        validate(operation, exchange.status(), "request", requestBody.pointer() + pointer("content", mediaType,
                "schema"), content.path(mediaType), mediaType, exchange.requestBody(), violations);
    }

    private void validate(Operation operation, int status, String where, String schemaPointer, JsonNode mediaTypeSpec,
            String mediaType, String body, List<Violation> violations) {
        if (!isJson(mediaType) || !mediaTypeSpec.has("schema")) {
            return;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            violations.add(new Violation(operation.name(), status, where, "", shorten(body),
                    "not JSON, but the document says " + mediaType));
            return;
        }
        var schema = schemas.computeIfAbsent(schemaPointer,
                p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        for (var error : schema.validate(instance)) {
            var field = error.getInstanceLocation().toString();
            var value = error.getInstanceNode() == null ? "" : shorten(error.getInstanceNode().toString());
            if ("required".equals(error.getKeyword())) {
                // The field is the one missing, not the object that lacks it.
                field = field + "/" + error.getProperty();
                value = "(absent)";
            }
            violations.add(new Violation(operation.name(), status, where, field, value, error.getMessage()));
        }
    }

    /** A part of the document and where it is, after any {@code $ref}s to other parts (components/responses). */
    private record Located(JsonNode node, String pointer) {}

    private Located resolve(String pointer) {
        var node = document.at(pointer);
        for (var hops = 0; node.has("$ref") && hops < 10; hops++) {
            var ref = node.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only references within the document are followed: " + ref);
            }
            pointer = ref.substring(1);
            node = document.at(pointer);
        }
        return new Located(node, pointer);
    }

    private Optional<Operation> operation(String method, String path) {
        var name = method.toLowerCase(Locale.ROOT);
        for (var template : templates) {
            if (template.pattern().matcher(path).matches()) {
                var spec = document.path("paths").path(template.path()).path(name);
                if (spec.isObject()) {
                    return Optional.of(new Operation(method, template.path(), spec));
                }
            }
        }
        return Optional.empty();
    }

    private static String responseKey(JsonNode responses, int status) {
        for (var key : List.of(String.valueOf(status), status / 100 + "XX", status / 100 + "xx", "default")) {
            if (responses.has(key)) {
                return key;
            }
        }
        return null;
    }

    /** The documented media type that the actual one falls under ({@code application/*}, a {@code *}{@code /*}). */
    private static String mediaType(JsonNode content, String actual) {
        if (actual == null || actual.isBlank()) {
            return null;
        }
        var type = actual.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (content.has(type)) {
            return type;
        }
        var range = type.split("/")[0] + "/*";
        if (content.has(range)) {
            return range;
        }
        return content.has("*/*") ? "*/*" : null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String basePath(String server) {
        var path = server.replaceFirst("^[a-z]+://[^/]*", "");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String pointer(String... tokens) {
        var pointer = new StringBuilder();
        for (var token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String names(JsonNode node) {
        return String.join(", ", node.propertyNames());
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
