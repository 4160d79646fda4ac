package dk.kdnet.testing.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An AsyncAPI document against the event records it describes, field by field: each record of a topic's sealed events
 * has a message named by its CloudEvents type, whose payload has exactly the record's components, each of the JSON
 * type the record serializes it as (a UUID a string of format uuid, a date of format date, a list an array of its
 * elements, a nested record an object compared the same way).
 */
public final class AsyncApiPayloads {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode document;

    private AsyncApiPayloads(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiPayloads of(Path yaml) {
        return new AsyncApiPayloads(YAML.readTree(yaml.toFile()));
    }

    /** Every difference between the document and the records the topics' sealed interfaces permit; none when they agree. */
    public List<String> differences(Class<?>... topicEvents) {
        var differences = new ArrayList<String>();
        for (var topic : topicEvents) {
            if (!topic.isSealed()) {
                throw new IllegalArgumentException(topic + " is not a topic's sealed events");
            }
            for (var record : topic.getPermittedSubclasses()) {
                var type = typeOf(record);
                var message = message(type);
                if (message == null) {
                    differences.add(type + ": no message in the document");
                } else {
                    compare(type, resolve(message.path("payload")), record, differences);
                }
            }
        }
        return differences;
    }

    private JsonNode message(String type) {
        for (var message : document.path("components").path("messages")) {
            if (type.equals(message.path("name").asString())) {
                return message;
            }
        }
        return null;
    }

    private void compare(String where, JsonNode schema, Class<?> record, List<String> differences) {
        if (!"object".equals(jsonType(schema))) {
            differences.add(where + ": is " + jsonType(schema) + " in the document, an object (" + record.getSimpleName()
                    + ") in the record");
            return;
        }
        var properties = schema.path("properties");
        var documented = new TreeSet<String>();
        documented.addAll(properties.propertyNames());
        var components = new TreeSet<String>();
        for (var component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        for (var missing : difference(components, documented)) {
            differences.add(where + "." + missing + ": in the record, not in the document");
        }
        for (var extra : difference(documented, components)) {
            differences.add(where + "." + extra + ": in the document, not in the record");
        }
        for (var component : record.getRecordComponents()) {
            if (properties.has(component.getName())) {
                compare(where + "." + component.getName(), resolve(properties.get(component.getName())),
                        component.getGenericType(), differences);
            }
        }
    }

    private void compare(String where, JsonNode schema, Type javaType, List<String> differences) {
        var raw = javaType instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) javaType;
        if (raw.isRecord()) {
            compare(where, schema, raw, differences);
            return;
        }
        var expected = expected(raw);
        var actual = jsonType(schema);
        if (!expected.type().equals(actual)) {
            differences.add(where + ": is " + actual + " in the document, " + expected.type() + " ("
                    + raw.getSimpleName() + ") in the record");
        } else if (expected.format() != null && !expected.format().equals(schema.path("format").asString(null))) {
            differences.add(where + ": has format " + schema.path("format").asString(null) + " in the document, "
                    + expected.format() + " (" + raw.getSimpleName() + ") in the record");
        } else if (List.class.isAssignableFrom(raw) && javaType instanceof ParameterizedType parameterized) {
            compare(where + "[]", resolve(schema.path("items")), parameterized.getActualTypeArguments()[0],
                    differences);
        }
    }

    private record Expected(String type, String format) {}

    private static Expected expected(Class<?> raw) {
        if (raw == UUID.class) {
            return new Expected("string", "uuid");
        }
        if (raw == LocalDate.class) {
            return new Expected("string", "date");
        }
        if (raw == OffsetDateTime.class || raw == Instant.class) {
            return new Expected("string", "date-time");
        }
        if (raw == String.class || raw.isEnum()) {
            return new Expected("string", null);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return new Expected("integer", null);
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            return new Expected("number", null);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new Expected("boolean", null);
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return new Expected("array", null);
        }
        return new Expected("object", null);
    }

    /** The schema's JSON type, its non-null one when it may be null ({@code [string, 'null']}). */
    private static String jsonType(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        return type.isMissingNode() && schema.has("properties") ? "object" : type.asString(null);
    }

    /**
     * Follows {@code $ref}s within the document, takes the value's schema of a {@code oneOf} of it and null, and merges
     * an {@code allOf} into one schema.
     */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            var path = schema.get("$ref").asString();
            if (!path.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are followed: " + path);
            }
            var target = document;
            for (var part : path.substring(2).split("/")) {
                target = target.path(part);
            }
            return resolve(target);
        }
        for (var choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                // A value or null: the value's schema.
                var values = new ArrayList<JsonNode>();
                schema.get(choice).forEach(option -> {
                    if (!"null".equals(option.path("type").asString(null))) {
                        values.add(option);
                    }
                });
                if (values.size() == 1) {
                    return resolve(values.getFirst());
                }
            }
        }
        if (schema.has("allOf")) {
            var merged = YAML.createObjectNode();
            var properties = merged.putObject("properties");
            merged.put("type", "object");
            for (var part : schema.get("allOf")) {
                resolve(part).path("properties").properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            }
            return merged;
        }
        return schema;
    }

    private static String typeOf(Class<?> record) {
        try {
            return (String) record.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record + " has no public static TYPE", e);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        var result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
