package dk.kdnet.economy.organization;

import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organizations and populations economy-service charges by, as it knows them from groups-service. */
@Path("/api/economy/organizations")
@Tag(name = "Economy read model", description = "Organizations, populations and collaboration memberships as "
        + "economy-service knows them from groups-service")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class OrganizationReadModelResource {

    @Inject
    OrganizationReadModel readModel;

    @Schema(name = "EconomyPopulation")
    public record ReadModelPopulationView(@Schema(required = true, example = "2023-01-01") LocalDate referenceDate,
            @Schema(example = "361544") long count,
            @Schema(required = true, example = "Danmarks Statistik") String source) {}

    @Schema(name = "EconomyOrganization")
    public record ReadModelOrganizationView(@Schema(required = true,
            example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") UUID id,
            @Schema(required = true, example = "MUNICIPALITY") String kind,
            @Schema(required = true, example = "Aarhus Kommune") String name,
            @Schema(example = "Aarhus") String shortName,
            @Schema(example = "751") String municipalityCode,
            @Schema(required = true) List<ReadModelPopulationView> populations) {

        static ReadModelOrganizationView of(Organization organization, List<Population> populations) {
            return new ReadModelOrganizationView(organization.id, organization.kind, organization.name,
                    organization.shortName, organization.municipalityCode, populations.stream()
                            .map(p -> new ReadModelPopulationView(p.referenceDate, p.count, p.source)).toList());
        }
    }

    @GET
    @Operation(summary = "List the organizations known to economy-service, by name")
    public Page<ReadModelOrganizationView> list(@Valid @BeanParam Paging paging) {
        var page = readModel.page(paging.page, paging.size);
        var items = page.items().stream().map(o -> ReadModelOrganizationView.of(o, readModel.populations(o.id)))
                .toList();
        return new Page<>(items, paging.page, paging.size, page.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One organization with its population figures")
    public ReadModelOrganizationView get(@PathParam("id") UUID id) {
        return ReadModelOrganizationView.of(readModel.get(id), readModel.populations(id));
    }
}
