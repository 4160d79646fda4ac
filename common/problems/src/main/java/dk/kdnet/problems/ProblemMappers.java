package dk.kdnet.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.kdnet.rules.RuleException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a request into an RFC 9457 problem response; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response known(ProblemException e, UriInfo uri) {
        return problem(e.type(), e.getMessage(), uri, e.errors(), null, e.context());
    }

    /** A rule's refusal: an unknown id is a 404, a conflict with the current state a 409, a broken rule a 422. */
    @ServerExceptionMapper
    public Response refused(RuleException e, UriInfo uri) {
        var type = switch (e.kind()) {
            case UNKNOWN -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
            case BROKEN -> ProblemType.RULE_VIOLATION;
        };
        var errors = e.field() == null ? List.<Problem.FieldError>of()
                : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        return problem(type, e.getMessage(), uri, errors, null, e.context());
    }

    /** Ahead of Quarkus's own mapper, which answers with an empty body. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(problem(ProblemType.UNAUTHORIZED, "A valid bearer token is needed for this request.",
                uri, List.of(), null, Map.of())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new io.quarkus.security.UnauthorizedException(), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "The token's roles do not allow this request.", uri, List.of(), null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        var detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return problem(ProblemType.VALIDATION, detail, uri, errors, null, Map.of());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        var field = pathOf(e);
        var message = "cannot read " + quoted(e.getValue()) + " as " + describe(e.getTargetType());
        return problem(ProblemType.VALIDATION, message, uri, List.of(new Problem.FieldError(field, message)), null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        var field = pathOf(e);
        return problem(ProblemType.VALIDATION, "unknown field " + field, uri,
                List.of(new Problem.FieldError(field, "is not a field of this request")), null, Map.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        var field = pathOf(e);
        if (field.isEmpty()) {
            return problem(ProblemType.MALFORMED_REQUEST, "the body is not the JSON this operation expects", uri,
                    List.of(), null, Map.of());
        }
        var message = "expected " + describe(e.getTargetType());
        return problem(ProblemType.VALIDATION, "cannot read field " + field, uri,
                List.of(new Problem.FieldError(field, message)), null, Map.of());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        var location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return problem(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON" + location, uri, List.of(), null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            // JAX-RS answers 404 for a query or path parameter it cannot convert; for a client that is bad input.
            return problem(ProblemType.VALIDATION, "a parameter has an invalid value: " + e.getCause().getMessage(), uri,
                    List.of(), null, Map.of());
        }
        return problem(ProblemType.NOT_FOUND, "no resource at " + uri.getPath(), uri, List.of(), null, Map.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        var allowed = String.join(", ", e.getResponse().getAllowedMethods());
        var response = problem(ProblemType.METHOD_NOT_ALLOWED, "allowed methods: " + allowed, uri, List.of(), null,
                Map.of());
        return Response.fromResponse(response).header(HttpHeaders.ALLOW, allowed).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", uri, List.of(), null,
                Map.of());
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return problem(ProblemType.NOT_ACCEPTABLE, "this resource cannot be represented in the requested media type",
                uri, List.of(), null, Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        var status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof InvalidFormatException invalid) {
            return invalidFormat(invalid, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed, uri);
        }
        var type = ProblemType.forStatus(status);
        // The framework wraps a parameter it could not convert (a bad date, number or UUID).
        var detail = e.getCause() != null ? "a parameter has an invalid value" : type.title();
        return problem(type, detail, uri, List.of(), null, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (lostOptimisticLock(e)) {
            return problem(ProblemType.PRECONDITION_FAILED, "The resource was changed by another request at the same"
                    + " time. Read it again and reapply the change.", uri, List.of(), null, Map.of());
        }
        var errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return problem(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; quote error id " + errorId, uri,
                List.of(), errorId, Map.of());
    }

    /**
     * Two updates passed their If-Match check at the same time and the second lost at commit. The
     * persistence classes are matched by name because this module does not depend on Hibernate, and
     * the transaction manager may wrap them.
     */
    static boolean lostOptimisticLock(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (OPTIMISTIC_LOCK_FAILURES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> OPTIMISTIC_LOCK_FAILURES = java.util.Set.of(
            "jakarta.persistence.OptimisticLockException", "org.hibernate.StaleStateException");

    public static Response problem(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors,
            String errorId, Map<String, Object> context) {
        var body = new Problem(type.uri(), type.title(), type.status(), detail, uri == null ? null : uri.getPath(),
                errors, errorId, context);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** The request field of a violation: {@code create.request.name} becomes {@code name}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        var nodes = new java.util.ArrayList<Path.Node>();
        violation.getPropertyPath().forEach(nodes::add);
        var parameterIndex = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                parameterIndex = i;
            }
        }
        if (parameterIndex >= 0 && parameterIndex == nodes.size() - 1) {
            return nodes.get(parameterIndex).getName();
        }
        return nodes.subList(parameterIndex + 1, nodes.size()).stream()
                .map(n -> n.getIndex() != null ? n.getName() + "[" + n.getIndex() + "]" : n.getName())
                .filter(n -> n != null && !n.isEmpty() && !n.startsWith("<"))
                .collect(Collectors.joining("."));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            var constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(constants).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "OffsetDateTime", "ZonedDateTime", "Instant" -> "a date-time (ISO 8601 with offset)";
            case "UUID" -> "a UUID";
            case "BigDecimal" -> "a decimal number";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "a list" : "an object";
        };
    }

    private static String quoted(Object value) {
        var text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
