package dk.kdnet.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' AsyncAPI documents into the one event catalogue of the deployment: each topic as its producer
 * documents it (what a service only consumes is the producer's channel again, left out), and the deployment's
 * brokers as its servers. Components keep their names with the service's area in front ({@code meetings.Body}), as
 * a consumer's copy of an event may differ from its producer's.
 */
final class AsyncApiMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiMerger() {}

    /**
     * @param documents each service's document by area (a service that did not answer is left out and named in
     *     {@code x-unavailable-services})
     * @param brokers the Kafka brokers clients in the deployment reach, {@code host:port}
     */
    static ObjectNode merge(Map<String, JsonNode> documents, List<String> unavailable, List<String> brokers) {
        var merged = JSON.createObjectNode();
        merged.put("asyncapi", "3.0.0");
        var info = merged.putObject("info");
        info.put("title", "KD-Net events");
        info.put("version", "1.1.0");
        info.put("description", "Every event the KD-Net services publish, each topic as its producer documents it."
                + " Each is a CloudEvents 1.0 event in Kafka binary mode (attributes in ce_ headers, the data below as"
                + " the JSON value, the subject as key). Outside the cluster the same events arrive, as the caller may"
                + " see them, through the gateway's GET /api/stream (Server-Sent Events; see the OpenAPI document at"
                + " /openapi): the SSE event name is the message name here, its data the CloudEvent in JSON.");
        var servers = merged.putObject("servers");
        for (var i = 0; i < brokers.size(); i++) {
            servers.putObject(brokers.size() == 1 ? "kafka" : "kafka-" + (i + 1)).put("host", brokers.get(i))
                    .put("protocol", "kafka").put("description", "A Kafka broker of this deployment");
        }
        merged.put("defaultContentType", "application/json");
        var channels = merged.putObject("channels");
        var operations = merged.putObject("operations");
        var components = merged.putObject("components");
        documents.keySet().stream().sorted().forEach(area -> {
            var document = (ObjectNode) documents.get(area).deepCopy();
            prefixReferences(document, area);
            var published = new HashSet<String>();
            document.path("operations").properties().forEach(operation -> {
                if ("send".equals(operation.getValue().path("action").asText())) {
                    var channel = operation.getValue().at("/channel/$ref").asText();
                    published.add(channel.substring(channel.lastIndexOf('/') + 1));
                    operations.set(area + "." + operation.getKey(), operation.getValue());
                }
            });
            document.path("channels").properties().forEach(channel -> {
                if (published.contains(channel.getKey())) {
                    channels.set(channel.getKey(), channel.getValue());
                }
            });
            document.path("components").properties().forEach(section -> {
                var target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(entry -> target.set(area + "." + entry.getKey(), entry.getValue()));
            });
        });
        if (!unavailable.isEmpty()) {
            var missing = merged.putArray("x-unavailable-services");
            unavailable.stream().sorted().forEach(missing::add);
        }
        return merged;
    }

    /** {@code #/components/messages/X} becomes {@code #/components/messages/<area>.X}; channels keep their ids. */
    private static void prefixReferences(JsonNode node, String area) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isTextual()) {
                    // #/components/<section>/<name>[/...]
                    var parts = entry.getValue().asText().split("/", 5);
                    if (parts.length >= 4 && parts[1].equals("components")) {
                        parts[3] = area + "." + parts[3];
                        entry.setValue(new TextNode(String.join("/", parts)));
                    }
                } else {
                    prefixReferences(entry.getValue(), area);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(child -> prefixReferences(child, area));
        }
    }
}
