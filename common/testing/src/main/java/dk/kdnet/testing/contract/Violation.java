package dk.kdnet.testing.contract;

/**
 * A request or response that the OpenAPI document says cannot happen.
 *
 * @param operation method, path template and operationId, or the method and path asked for when no operation
 *     matches
 * @param status the response's status
 * @param where {@code response} or {@code request}
 * @param field the JSON pointer of the offending field in the body; empty for the body, status or content type as a
 *     whole
 * @param value the offending value (shortened), or the status or content type
 * @param message what the document says instead
 */
public record Violation(String operation, int status, String where, String field, String value, String message) {

    /** Same operation, status, side and field (array indices as {@code *}), same complaint: one entry of a report. */
    public String key() {
        return operation + " " + status + " " + where + " " + field.replaceAll("/\\d+(?=/|$)", "/*") + " "
                + message.replaceAll("\\$[^ ]*", "");
    }

    @Override
    public String toString() {
        return operation + " -> " + status + ", " + where + (field.isEmpty() ? "" : " field " + field) + " = " + value
                + ": " + message;
    }
}
