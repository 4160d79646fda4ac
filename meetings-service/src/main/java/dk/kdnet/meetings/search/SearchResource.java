package dk.kdnet.meetings.search;

import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/meetings/search")
@Tag(name = "Search", description = "Full-text search over agenda items and decisions (Danish)")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SearchResource {

    @Inject
    SearchService search;

    @GET
    @Operation(summary = "Search item titles, summaries, case presentations and decisions; best match first, with "
            + "highlights. Closed items and unpublished agendas only for members and the secretariat")
    public Page<SearchService.Hit> search(
            @Parameter(description = "words, \"a phrase\", or -excluded (web search syntax)", example = "GovTech")
            @QueryParam("q") @NotBlank @Size(max = 200) String q,
            @Parameter(description = "Only items of this body's meetings",
                    example = "8d799b49-b40f-3350-968d-c8a27856ec84")
            @QueryParam("body") UUID body,
            @Parameter(description = "Only items of meetings in this year", example = "2023")
            @QueryParam("year") @Min(1900) @Max(2200) Integer year,
            @Valid @BeanParam Paging paging) {
        return search.search(q, body, year, paging.page, paging.size);
    }
}
