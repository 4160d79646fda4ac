package dk.kdnet.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * The API's convention for absent values, stated in the schema from the code: a body carries every
 * field, {@code null} when it has no value. So every property of every component schema that is not in
 * its {@code required} list may be null (OpenAPI 3.1: {@code type: [string, "null"]}, {@code null} among
 * an enum's values, {@code anyOf: [{$ref}, {type: "null"}]}); a required property is always present and
 * never null.
 *
 * <p>What is required: for a request, what validation demands ({@code @NotNull} and the like, which
 * SmallRye turns into {@code required}); for a response, what the record marks
 * {@code @Schema(required = true)}, and every component of a primitive type, which cannot be null. A
 * record's {@link RequiredWhen} rules become {@code if}/{@code then}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AbsentValuesFilter implements OASFilter {

    private static final DotName SCHEMA = DotName.createSimple(
            org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final DotName REQUIRED_WHEN = DotName.createSimple(RequiredWhen.class);
    private static final String SCHEMAS = "#/components/schemas/";

    private final IndexView index;
    /** The record behind each schema name, but for names two records share equally. */
    private final Map<String, ClassInfo> records = new HashMap<>();

    public AbsentValuesFilter(IndexView index) {
        this.index = index;
        // A name can fit several records (a schema's and an internal one's); the one that names its schema
        // explicitly wins, then one with OpenAPI annotations.
        var rank = new HashMap<String, Integer>();
        var ambiguous = new HashSet<String>();
        index.getKnownClasses().stream().filter(ClassInfo::isRecord).forEach(record -> {
            var annotation = record.declaredAnnotation(SCHEMA);
            var named = annotation != null && annotation.value("name") != null;
            var name = named ? annotation.value("name").asString() : record.simpleName();
            var score = named ? 2 : record.annotations(SCHEMA).isEmpty() ? 0 : 1;
            var known = records.get(name);
            if (known == null || score > rank.get(name)) {
                records.put(name, record);
                rank.put(name, score);
                ambiguous.remove(name);
            } else if (score == rank.get(name) && !known.name().equals(record.name())) {
                // The index can list a class twice (once per index it combines); two classes are a tie.
                ambiguous.add(name);
            }
        });
        ambiguous.forEach(records::remove);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        var schemas = openAPI.getComponents().getSchemas();
        var requests = schemasOfRequests(openAPI, schemas);
        schemas.forEach((name, schema) -> {
            var record = records.get(name);
            if (record != null) {
                if (!requests.contains(name)) {
                    // A request may leave out a primitive (it defaults); a response always has it.
                    record.recordComponents().stream().filter(c -> c.type().kind() == Type.Kind.PRIMITIVE)
                            .filter(c -> schema.getProperties() != null && schema.getProperties().containsKey(c.name()))
                            .filter(c -> schema.getRequired() == null || !schema.getRequired().contains(c.name()))
                            .forEach(c -> schema.addRequired(c.name()));
                }
                addRules(schema, record.declaredAnnotationsWithRepeatable(REQUIRED_WHEN, index));
            }
            allowNullWhereAbsent(schema);
        });
        // A generic record (an audit history's Entry<V>) is inlined in its operation, not a component.
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(AbsentValuesFilter::allowNullInInlineSchemas));
        }
    }

    private static void allowNullInInlineSchemas(Operation operation) {
        var contents = new ArrayList<Content>();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().stream().map(APIResponse::getContent)
                    .filter(Objects::nonNull).forEach(contents::add);
        }
        contents.stream().filter(content -> content.getMediaTypes() != null)
                .flatMap(content -> content.getMediaTypes().values().stream())
                .map(MediaType::getSchema).filter(Objects::nonNull)
                .forEach(schema -> allowNullWhereAbsent(schema.getItems() != null ? schema.getItems() : schema));
    }

    /** Every property outside {@code required} may be null, in nested inline objects too. */
    private static void allowNullWhereAbsent(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
        schema.getProperties().forEach((property, value) -> {
            allowNullWhereAbsent(value);
            if (!required.contains(property)) {
                allowNull(value);
            }
        });
    }

    static void allowNull(Schema schema) {
        if (schema.getRef() != null) {
            // $ref and its siblings must all hold: null has to be an alternative to the reference.
            var ref = schema.getRef();
            schema.setRef(null);
            schema.setType(null);
            schema.addAnyOf(OASFactory.createSchema().ref(ref));
            schema.addAnyOf(nullSchema());
        } else if (schema.getType() != null && !schema.getType().isEmpty()) {
            if (!schema.getType().contains(SchemaType.NULL)) {
                schema.addType(SchemaType.NULL);
            }
            if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
                var values = new ArrayList<>(schema.getEnumeration());
                values.add(null); // addEnumeration drops a null
                schema.setEnumeration(values);
            }
        } else if (schema.getAnyOf() != null || schema.getOneOf() != null) {
            if (schema.getAnyOf() != null) {
                schema.addAnyOf(nullSchema());
            } else {
                schema.addOneOf(nullSchema());
            }
        } else if (schema.getAllOf() != null) {
            var all = schema.getAllOf();
            schema.setAllOf(null);
            schema.addAnyOf(OASFactory.createSchema().allOf(all));
            schema.addAnyOf(nullSchema());
        }
        // Otherwise the schema accepts any value, null included.
    }

    private static Schema nullSchema() {
        return OASFactory.createSchema().addType(SchemaType.NULL);
    }

    /** Each rule as {@code if} (the property has one of the values) {@code then} (the fields present, not null). */
    private static void addRules(Schema schema, List<AnnotationInstance> rules) {
        for (var rule : rules) {
            var property = rule.value("property").asString();
            var values = Arrays.<Object>asList(rule.value("values").asStringArray());
            var required = List.of(rule.value("required").asStringArray());
            var condition = OASFactory.createSchema().addRequired(property).addProperty(property,
                    OASFactory.createSchema().enumeration(new ArrayList<>(values)));
            var consequence = OASFactory.createSchema().required(new ArrayList<>(required));
            required.forEach(field -> consequence.addProperty(field, OASFactory.createSchema().not(nullSchema())));
            schema.addAllOf(OASFactory.createSchema().ifSchema(condition).thenSchema(consequence));
            var when = "required when " + property + " is " + String.join(" or ", rule.value("values").asStringArray());
            required.stream().map(field -> schema.getProperties() == null ? null : schema.getProperties().get(field))
                    .filter(p -> p != null && (p.getDescription() == null || !p.getDescription().contains(when)))
                    .forEach(p -> p.setDescription(p.getDescription() == null ? when : p.getDescription() + "; " + when));
        }
    }

    /** The schemas a request body can contain, directly or through references. */
    private static Set<String> schemasOfRequests(OpenAPI openAPI, Map<String, Schema> schemas) {
        var pending = new ArrayDeque<Schema>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                    .filter(operation -> operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null
                            && operation.getRequestBody().getContent().getMediaTypes() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().getMediaTypes().values().stream())
                    .filter(mediaType -> mediaType.getSchema() != null)
                    .forEach(mediaType -> pending.add(mediaType.getSchema())));
        }
        var names = new HashSet<String>();
        while (!pending.isEmpty()) {
            var schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                var name = schema.getRef().substring(SCHEMAS.length());
                if (names.add(name) && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
            }
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(list -> list != null)
                    .forEach(pending::addAll);
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.add(schema.getAdditionalPropertiesSchema());
            }
        }
        return names;
    }
}
