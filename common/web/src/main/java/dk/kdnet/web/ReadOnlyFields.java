package dk.kdnet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.problems.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A PUT takes back what a GET gave: the read-only fields of the resource (its {@code id}, {@code version}, status,
 * computed fields), those the answer of the PUT has and its request does not, are accepted and ignored, so a client
 * can send a body as read with its change. Only an {@code id} other than the resource's (its path parameter
 * {@code id}, or the one its path ends with), or a field named like a path parameter with another value, is refused
 * (400 naming the field): an id cannot be changed. A resource whose path does not name its id takes the id in its
 * request record and checks it itself. Any other unknown field is still refused as one.
 */
public class ReadOnlyFields {

    private static final Pattern LAST_PARAMETER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}/?$");

    @Inject
    ObjectMapper json;

    private final Map<Method, Optional<Plan>> plans = new ConcurrentHashMap<>();

    /** Fields to leave out of a request body: those of the answer only, and the same for nested records. */
    record Plan(Set<String> ignored, Map<String, Plan> nested) {

        boolean isEmpty() {
            return ignored.isEmpty() && nested.isEmpty();
        }
    }

    @ServerRequestFilter
    public void acceptReadOnlyFields(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        if (!HttpMethod.PUT.equals(request.getMethod()) || resource.getResourceMethod() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        var method = resource.getResourceMethod();
        var plan = plans.computeIfAbsent(method, ReadOnlyFields::plan);
        if (plan.isEmpty()) {
            return;
        }
        var body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonNode tree;
        try {
            tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(body);
        } catch (JsonProcessingException e) {
            return; // the reader of the body answers it as malformed
        }
        if (!(tree instanceof ObjectNode object)) {
            return;
        }
        var parameters = request.getUriInfo().getPathParameters();
        for (var field : plan.get().ignored()) {
            var expected = field.equals("id") ? identifier(request, resource) : parameters.getFirst(field);
            if (object.hasNonNull(field) && expected != null) {
                requireSame(field, object.get(field).asText(), expected);
            }
        }
        if (strip(object, plan.get())) {
            request.setEntityStream(new ByteArrayInputStream(json.writeValueAsBytes(object)));
        }
    }

    /** The id of the resource a PUT addresses: its path parameter {@code id}, or the one its path ends with. */
    private static String identifier(ContainerRequestContext request, ResourceInfo resource) {
        var parameters = request.getUriInfo().getPathParameters();
        if (parameters.containsKey("id")) {
            return parameters.getFirst("id");
        }
        var path = resource.getResourceMethod().getAnnotation(Path.class);
        var last = path == null ? null : LAST_PARAMETER.matcher(path.value());
        return last != null && last.find() ? parameters.getFirst(last.group(1)) : null;
    }

    /** A field that identifies the resource, as its path does, must name the same one. */
    private static void requireSame(String field, String sent, String expected) {
        try {
            if (UUID.fromString(sent).equals(UUID.fromString(expected))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            if (sent.equals(expected)) {
                return;
            }
        }
        throw new ProblemException.BadRequest(field, "is " + expected + " as in the path, not " + sent
                + ": an id cannot be changed");
    }

    private static boolean strip(ObjectNode object, Plan plan) {
        var changed = plan.ignored().stream().anyMatch(object::has);
        object.remove(plan.ignored());
        for (var entry : plan.nested().entrySet()) {
            var value = object.get(entry.getKey());
            if (value instanceof ObjectNode nested) {
                changed |= strip(nested, entry.getValue());
            } else if (value instanceof ArrayNode array) {
                for (var element : array) {
                    if (element instanceof ObjectNode nested) {
                        changed |= strip(nested, entry.getValue());
                    }
                }
            }
        }
        return changed;
    }

    private static Optional<Plan> plan(Method method) {
        var body = Arrays.stream(method.getGenericParameterTypes()).filter(t -> raw(t).isRecord()).findFirst();
        if (body.isEmpty() || !method.getReturnType().isRecord()) {
            return Optional.empty();
        }
        var plan = plan(raw(body.get()), method.getReturnType(), new HashSet<>());
        return plan.isEmpty() ? Optional.empty() : Optional.of(plan);
    }

    private static Plan plan(Class<?> request, Class<?> view, Set<Class<?>> seen) {
        if (request.equals(view) || !seen.add(view)) {
            return new Plan(Set.of(), Map.of());
        }
        var accepted = Arrays.stream(request.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> element(c.getGenericType())));
        var ignored = new HashSet<String>();
        var nested = new HashMap<String, Plan>();
        for (var component : view.getRecordComponents()) {
            var requestType = accepted.get(component.getName());
            if (requestType == null) {
                ignored.add(component.getName());
                continue;
            }
            var viewType = element(component.getGenericType());
            if (requestType.isRecord() && viewType.isRecord()) {
                var inner = plan(requestType, viewType, seen);
                if (!inner.isEmpty()) {
                    nested.put(component.getName(), inner);
                }
            }
        }
        return new Plan(Set.copyOf(ignored), Map.copyOf(nested));
    }

    /** A record component's class, or its elements' for a collection. */
    private static Class<?> element(Type type) {
        if (type instanceof ParameterizedType parameterized && Iterable.class.isAssignableFrom(raw(type))) {
            return raw(parameterized.getActualTypeArguments()[0]);
        }
        return raw(type);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
    }
}
