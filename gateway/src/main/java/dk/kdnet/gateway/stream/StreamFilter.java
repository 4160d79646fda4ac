package dk.kdnet.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dk.kdnet.events.CloudEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events a stream asks for (query parameters of {@code GET /api/stream}): a parameter given more than once matches
 * any of its values, different parameters must all match. {@code type} is a CloudEvent type or a prefix ending in
 * {@code *} ({@code dk.kdnet.meetings.*}); the others are ids the event's data names: {@code body} as {@code bodyId},
 * {@code meeting} as {@code meetingId}, {@code organization} as {@code organizationId}, {@code collaboration} as
 * {@code collaborationId} or as the owner of a charge's scheme.
 */
record StreamFilter(Set<String> types, Set<String> typePrefixes, Set<String> bodies, Set<String> meetings,
        Set<String> collaborations, Set<String> organizations) {

    /** Thrown for a value that cannot be a filter, naming the parameter. */
    static final class Invalid extends IllegalArgumentException {
        final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    interface Parameters {
        List<String> all(String name);
    }

    static StreamFilter of(Parameters query) {
        var types = new HashSet<String>();
        var prefixes = new HashSet<String>();
        for (var type : query.all("type")) {
            for (var value : type.split(",")) {
                value = value.strip();
                if (value.isEmpty() || value.equals("*")) {
                    throw new Invalid("type", "type must name a CloudEvent type or a prefix ending in *, not '"
                            + type + "'");
                }
                if (value.endsWith("*")) {
                    prefixes.add(value.substring(0, value.length() - 1));
                } else {
                    types.add(value);
                }
            }
        }
        return new StreamFilter(Set.copyOf(types), Set.copyOf(prefixes), ids(query, "body"), ids(query, "meeting"),
                ids(query, "collaboration"), ids(query, "organization"));
    }

    private static Set<String> ids(Parameters query, String name) {
        var ids = new HashSet<String>();
        for (var value : query.all(name)) {
            for (var id : value.split(",")) {
                try {
                    ids.add(UUID.fromString(id.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new Invalid(name, name + " must be an id (UUID), not '" + id + "'");
                }
            }
        }
        return Set.copyOf(ids);
    }

    boolean matches(CloudEvent event) {
        if ((!types.isEmpty() || !typePrefixes.isEmpty()) && !types.contains(event.type())
                && typePrefixes.stream().noneMatch(event.type()::startsWith)) {
            return false;
        }
        var data = event.data();
        return names(bodies, data, "bodyId") && names(meetings, data, "meetingId")
                && names(organizations, data, "organizationId")
                && (collaborations.isEmpty() || names(collaborations, data, "collaborationId")
                        || "COLLABORATION".equals(data.path("ownerKind").asText())
                                && collaborations.contains(data.path("ownerId").asText()));
    }

    private static boolean names(Set<String> wanted, JsonNode data, String field) {
        return wanted.isEmpty() || wanted.contains(data.path(field).asText());
    }
}
