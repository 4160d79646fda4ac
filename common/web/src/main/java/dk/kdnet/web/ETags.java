package dk.kdnet.web;

import dk.kdnet.problems.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: {@code ETag} on reads of a {@link Versioned} resource, {@code If-Match} on updates. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return new EntityTag(Long.toString(version)).toString();
    }

    /**
     * The version an update was based on, from its {@code If-Match}: 428 when it is missing, 412 when
     * it is not {@code currentVersion} (someone else changed the resource since it was read).
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException.PreconditionRequired(
                    "Send If-Match with the ETag of the version you read, so a concurrent change is not overwritten.");
        }
        var current = of(currentVersion);
        var matches = ifMatch.trim().equals("*")
                || java.util.Arrays.stream(ifMatch.split(",")).map(String::trim)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(current::equals);
        if (!matches) {
            throw new ProblemException.PreconditionFailed("The resource has changed since it was read: its ETag is now "
                    + current + ", If-Match was " + ifMatch + ". Read it again and reapply the change.");
        }
    }
}
