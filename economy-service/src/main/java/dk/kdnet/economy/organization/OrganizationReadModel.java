package dk.kdnet.economy.organization;

import dk.kdnet.problems.ProblemException.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads of the organizations and populations economy-service knows from groups-service. */
@ApplicationScoped
public class OrganizationReadModel {

    public record Listing(List<Organization> items, long total) {}

    /** A page of the organizations, by name. */
    public Listing page(int page, int size) {
        var query = Organization.<Organization>findAll(Sort.by("name"));
        return new Listing(query.page(page, size).list(), query.count());
    }

    public Organization get(UUID id) {
        return Organization.<Organization>findByIdOptional(id).orElseThrow(() -> new NotFound("organization", id));
    }

    public List<Population> populations(UUID organizationId) {
        return Population.of(organizationId);
    }
}
