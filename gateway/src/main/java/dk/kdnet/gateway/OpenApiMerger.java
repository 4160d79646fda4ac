package dk.kdnet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.gateway.stream.StreamDocument;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: paths, components and tags of all, and on every operation the
 * problems the gateway itself answers (429, 502, 503, 504).
 */
final class OpenApiMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiMerger() {}

    /**
     * @param documents the document of each service by area; a service that did not answer is left out
     *     and named in {@code x-unavailable-services}
     */
    static ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable) {
        var merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        var info = merged.putObject("info");
        info.put("title", "KD-Net API");
        info.put("version", "1.1.0"); // semver: README "Versioning", api/CHANGELOG.md
        info.put("description", "The system of record of KD-Net, the network of the chief executives of the 19"
                + " municipalities in the Central Denmark Region: meetings, groups and collaborations, and money."
                + " Errors are RFC 9457 problem documents (application/problem+json).");
        info.putObject("license").put("name", "Proprietary: KD-Net and its member municipalities")
                .put("identifier", "LicenseRef-KD-Net-Proprietary");
        merged.putArray("servers").addObject().put("url", "/");
        // Reads are open to anonymous callers (who see published, non-closed material) and to bearer
        // tokens; operations that need a role state their own requirement.
        var security = merged.putArray("security");
        security.addObject();
        security.addObject().putArray("bearer");
        var paths = merged.putObject("paths");
        var components = merged.putObject("components");
        var tags = merged.putArray("tags");
        var tagNames = new HashSet<String>();
        documents.keySet().stream().sorted().forEach(area -> {
            var document = documents.get(area);
            document.path("paths").properties().forEach(path -> {
                if (path.getKey().startsWith("/api/")) {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components").properties().forEach(section -> {
                var target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(entry -> {
                    if (!target.has(entry.getKey())) {
                        target.set(entry.getKey(), entry.getValue());
                    }
                });
            });
            if (document.path("tags") instanceof ArrayNode serviceTags) {
                serviceTags.forEach(tag -> {
                    if (tagNames.add(tag.path("name").asText())) {
                        tags.add(tag);
                    }
                });
            }
        });
        // The gateway's own operation; its problems refer to the services' Problem schema.
        paths.set(StreamDocument.PATH, StreamDocument.pathItem(JSON));
        tags.add(StreamDocument.tag(JSON));
        addGatewayResponses(paths, components);
        if (!unavailable.isEmpty()) {
            var missing = merged.putArray("x-unavailable-services");
            unavailable.stream().sorted().forEach(missing::add);
        }
        return merged;
    }

    /**
     * What the gateway itself may answer on any route (its rate limit, and a service down, failing or slow), and on an
     * operation that takes a body, its body limit.
     */
    private record GatewayResponse(String status, String name, ProblemType type, String detail, String retryAfter,
            boolean bodiesOnly) {

        GatewayResponse(String status, String name, ProblemType type, String detail, String retryAfter) {
            this(status, name, type, detail, retryAfter, false);
        }
    }

    private static final List<GatewayResponse> GATEWAY_RESPONSES = List.of(
            new GatewayResponse("429", "TooManyRequests", ProblemType.TOO_MANY_REQUESTS,
                    "Rate limit of 600 requests per PT1M reached; retry after 7 s.",
                    "Seconds until the client's rate limit lets a request through again"),
            new GatewayResponse("502", "BadGateway", ProblemType.BAD_GATEWAY, "groups-service failed to answer", null),
            new GatewayResponse("503", "ServiceUnavailable", ProblemType.SERVICE_UNAVAILABLE,
                    "groups-service is not reachable; try again shortly", "Seconds to wait before trying again"),
            new GatewayResponse("504", "GatewayTimeout", ProblemType.GATEWAY_TIMEOUT,
                    "groups-service did not answer in time", null),
            new GatewayResponse("413", "PayloadTooLarge", ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than 12582912 bytes.", null, true));

    private static void addGatewayResponses(ObjectNode paths, ObjectNode components) {
        var responses = components.has("responses") ? (ObjectNode) components.get("responses")
                : components.putObject("responses");
        for (var gateway : GATEWAY_RESPONSES) {
            var response = responses.putObject(gateway.name());
            response.put("description", gateway.type().title() + " (answered by the gateway)");
            if (gateway.retryAfter() != null) {
                var header = response.putObject("headers").putObject("Retry-After");
                header.put("description", gateway.retryAfter());
                header.put("required", true);
                header.putObject("schema").put("type", "integer").put("minimum", 1);
            }
            var mediaType = response.putObject("content").putObject(Problem.MEDIA_TYPE);
            mediaType.putObject("schema").put("$ref", "#/components/schemas/Problem");
            mediaType.putObject("example").put("type", gateway.type().uri().toString())
                    .put("title", gateway.type().title()).put("status", gateway.type().status())
                    .put("detail", gateway.detail());
        }
        // Not the stream's: it is the gateway's own, and documents its 429 itself.
        paths.properties().stream().filter(path -> !path.getKey().equals(StreamDocument.PATH))
                .forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!OPERATIONS.contains(operation.getKey()) || !(operation.getValue() instanceof ObjectNode node)) {
                return;
            }
            var operationResponses = node.has("responses") ? (ObjectNode) node.get("responses")
                    : node.putObject("responses");
            GATEWAY_RESPONSES.forEach(gateway -> {
                if (!operationResponses.has(gateway.status()) && (!gateway.bodiesOnly() || node.has("requestBody"))) {
                    operationResponses.putObject(gateway.status()).put("$ref",
                            "#/components/responses/" + gateway.name());
                }
            });
        }));
    }

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
}
