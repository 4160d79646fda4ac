package dk.kdnet.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code errors} lists each bad field of a validation problem;
 * {@code errorId} ties a 500 to its log line; {@code context} carries facts a client can act on,
 * such as the current status of a resource in a state conflict.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(required = true, example = "https://kdnet.dk/problems/validation") URI type,
        @Schema(required = true, example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(example = "/api/groups/organizations") String instance,
        List<FieldError> errors,
        @Schema(description = "Quote this id when reporting an unexpected error") String errorId,
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(required = true, example = "municipalityCode") String field,
            @Schema(required = true, example = "must match \"\\d{3}\"") String message) {}
}
