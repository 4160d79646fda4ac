package dk.kdnet.problems;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem responses every operation can give, so resources declare only those that are
 * particular to them (a 409 for a taken code, a 422 for a broken rule): 400 for operations with input,
 * 404 for those addressing a resource, 401 and 403 for those needing a role, 412 and 428 for those
 * taking If-Match, and 500 for all. Each is one shared response in {@code components/responses}.
 *
 * <p>Every other 4xx and 5xx response gets the problem content here too, so a resource documents such a
 * response by its status and what it means there ({@code @APIResponse(responseCode = "409", description =
 * "Already invoiced")}) and cannot give it another body by forgetting one.
 */
// Ahead of the other document filters, which Quarkus otherwise runs in the index's order: the problems come
// before the 304 of NotModifiedResponsesFilter on every build.
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 1)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        var used = new HashSet<String>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                addProblemResponses(path, operation, used)));
        var components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        // Only those some operation refers to: an unused component is noise in the contract (and a lint warning).
        SHARED.stream().filter(shared -> used.contains(shared.name()))
                .forEach(shared -> components.addResponse(shared.name(), response(shared)));
    }

    private static void addProblemResponses(String path, Operation operation, Set<String> used) {
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
        if (operation.getRequestBody() != null || !parameters.isEmpty()) {
            addShared(operation, used, "400", "InvalidInput");
        }
        if (path.contains("{")) {
            addShared(operation, used, "404", "NotFound");
        }
        if (operation.getRequestBody() != null) {
            addShared(operation, used, "415", "UnsupportedMediaType");
        }
        if (operation.getSecurity() != null && operation.getSecurity().stream().noneMatch(r -> r.getSchemes() == null
                || r.getSchemes().isEmpty())) {
            addShared(operation, used, "401", "Unauthorized");
            addShared(operation, used, "403", "Forbidden");
        }
        for (var parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.setDescription("The ETag of the version the change is based on, as read from GET."
                        + " Missing: 428; stale (someone changed it since): 412.");
                addShared(operation, used, "412", "PreconditionFailed");
                addShared(operation, used, "428", "PreconditionRequired");
            }
        }
        addShared(operation, used, "500", "UnexpectedError");
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null) {
                addProblemContent(response);
            }
        });
    }

    /** Keeps a response the resource documents itself, unless it is one of Quarkus's generic ones. */
    private static void addShared(Operation operation, Set<String> used, String status, String name) {
        var existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || isQuarkusDefault(status, existing)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            used.add(name);
        }
    }

    /**
     * Quarkus documents a 400 for an operation taking a body, and a 401 and 403 for a secured one, with a generic
     * description and no body; a resource's own response says what the status means there.
     */
    private static boolean isQuarkusDefault(String status, APIResponse response) {
        return response.getRef() == null && response.getContent() == null
                && QUARKUS_DESCRIPTIONS.getOrDefault(status, "").equals(response.getDescription());
    }

    private static final Map<String, String> QUARKUS_DESCRIPTIONS = Map.of(
            "400", "Bad Request", "401", "Not Authorized", "403", "Not Allowed");

    private static void addProblemContent(APIResponse response) {
        var content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        response.setContent(content);
        var mediaType = content.getMediaType(Problem.MEDIA_TYPE);
        if (mediaType == null) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemSchema()));
        } else if (mediaType.getSchema() == null) {
            mediaType.setSchema(problemSchema());
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().ref("Problem");
    }

    private static APIResponse response(Shared shared) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", shared.type().uri().toString());
        example.put("title", shared.type().title());
        example.put("status", shared.type().status());
        example.put("detail", shared.exampleDetail());
        var mediaType = OASFactory.createMediaType()
                .schema(problemSchema())
                .example(example);
        return OASFactory.createAPIResponse().description(shared.type().title())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
    }

    private record Shared(String name, ProblemType type, String exampleDetail) {}

    private static final List<Shared> SHARED = List.of(
            new Shared("InvalidInput", ProblemType.VALIDATION, "1 field is invalid"),
            new Shared("Unauthorized", ProblemType.UNAUTHORIZED, "A valid bearer token is needed for this request."),
            new Shared("Forbidden", ProblemType.FORBIDDEN, "The token's roles do not allow this request."),
            new Shared("NotFound", ProblemType.NOT_FOUND,
                    "no organization with id 3f1c2a9e-0000-4000-8000-000000000751"),
            new Shared("UnsupportedMediaType", ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"),
            new Shared("PreconditionFailed", ProblemType.PRECONDITION_FAILED, "The resource has changed since it was"
                    + " read: its ETag is now \"4\", If-Match was \"3\". Read it again and reapply the change."),
            new Shared("PreconditionRequired", ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the"
                    + " version you read, so a concurrent change is not overwritten."),
            new Shared("UnexpectedError", ProblemType.INTERNAL_ERROR,
                    "an unexpected error occurred; quote error id 0b6f3c1e-5d2a-4e8b-9c7f-2a1d4e6b8c90"));
}
