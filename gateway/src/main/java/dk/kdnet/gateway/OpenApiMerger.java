package dk.kdnet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Merges the services' OpenAPI documents into one: paths, components and tags of all. */
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
        info.put("version", "1.0.0"); // semver: README "Versioning", api/CHANGELOG.md
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
        if (!unavailable.isEmpty()) {
            var missing = merged.putArray("x-unavailable-services");
            unavailable.stream().sorted().forEach(missing::add);
        }
        return merged;
    }
}
