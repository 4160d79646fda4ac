package dk.kdnet.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every response whose body is {@link Versioned} carries its {@code ETag}; a GET whose
 * {@code If-None-Match} names it is answered 304 without a body, so clients can poll cheaply.
 */
public class ETagFilter {

    @ServerResponseFilter
    public void addETag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Versioned versioned)) {
            return;
        }
        var etag = response.getHeaderString("ETag");
        if (etag == null) {
            etag = ETags.of(versioned.version());
            response.getHeaders().putSingle("ETag", etag);
        }
        if (HttpMethod.GET.equals(request.getMethod()) && response.getStatus() == 200
                && names(request.getHeaderString("If-None-Match"), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private static boolean names(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
