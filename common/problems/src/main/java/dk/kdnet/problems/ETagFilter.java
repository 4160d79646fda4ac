package dk.kdnet.problems;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every response whose body is {@link Versioned} carries its {@code ETag}. */
public class ETagFilter {

    @ServerResponseFilter
    public void addETag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && response.getHeaderString("ETag") == null) {
            response.getHeaders().putSingle("ETag", ETags.of(versioned.version()));
        }
    }
}
