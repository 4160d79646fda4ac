package dk.kdnet.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Documents the 304 that {@link ETagFilter} answers when a GET's {@code If-None-Match} names the current ETag: on
 * every GET whose 200 body is a versioned resource, that is a component schema with a {@code version}, as the
 * records implementing {@link Versioned} have. Operations that document their own 304 keep it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NotModifiedResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        var schemas = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            var get = item.getGET();
            if (get == null || get.getResponses() == null || get.getResponses().hasAPIResponse("304")) {
                return;
            }
            var ok = get.getResponses().getAPIResponse("200");
            var json = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
            var ref = json == null || json.getSchema() == null ? null : json.getSchema().getRef();
            var schema = ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version")) {
                get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not changed since the version whose ETag If-None-Match names; no body"));
            }
        });
    }
}
