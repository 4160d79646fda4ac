package dk.kdnet.events;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's correlation id (or makes one) and hands it back in the response. */
public class CorrelationFilter {

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        var id = Correlation.begin(request.getHeaderString(Correlation.HEADER));
        request.setProperty(Correlation.CORRELATION_ID, id);
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        var id = request.getProperty(Correlation.CORRELATION_ID);
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id);
        }
    }
}
