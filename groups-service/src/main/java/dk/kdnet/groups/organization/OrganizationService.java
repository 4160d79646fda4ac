package dk.kdnet.groups.organization;

import dk.kdnet.events.Outbox;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.events.groups.OrganizationRegistered;
import dk.kdnet.events.groups.PopulationRecorded;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationApi.PopulationRequest;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import dk.kdnet.web.Page;
import dk.kdnet.web.SortKey;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganizationService {

    @Inject
    Outbox outbox;

    @Transactional
    public Organization register(UUID id, OrganizationRequest request) {
        var organization = new Organization();
        organization.id = id;
        apply(organization, request);
        organization.persist();
        outbox.publish(new OrganizationRegistered(organization.id, organization.kind.name(), organization.name,
                organization.shortName, organization.municipalityCode, organization.cvr, organization.ean));
        return organization;
    }

    /**
     * Replaces name, kind and codes; other services learn the whole new state. {@code ifMatch} is the
     * ETag the change was based on ({@link ETags#requireMatch}).
     */
    @Transactional
    public Organization update(UUID id, String ifMatch, OrganizationRequest request) {
        var organization = get(id);
        ETags.requireMatch(ifMatch, organization.version);
        apply(organization, request);
        outbox.publish(new OrganizationChanged(organization.id, organization.kind.name(), organization.name,
                organization.shortName, organization.municipalityCode, organization.cvr, organization.ean));
        return organization;
    }

    private static void apply(Organization organization, OrganizationRequest request) {
        if (request.kind() == OrganizationKind.MUNICIPALITY && request.municipalityCode() == null) {
            throw new RuleViolation("municipalityCode", "a municipality needs its 3-digit municipality code");
        }
        if (request.municipalityCode() != null && Organization.byMunicipalityCode(request.municipalityCode())
                .filter(other -> !other.id.equals(organization.id)).isPresent()) {
            throw new Conflict("an organization with municipality code " + request.municipalityCode() + " exists");
        }
        if (request.cvr() != null && Organization.count("cvr = ?1 and id <> ?2", request.cvr(), organization.id) > 0) {
            throw new Conflict("an organization with CVR " + request.cvr() + " exists");
        }
        organization.kind = request.kind();
        organization.name = request.name().strip();
        organization.shortName = request.shortName();
        organization.municipalityCode = request.municipalityCode();
        organization.cvr = request.cvr();
        organization.ean = request.ean();
    }

    @Transactional
    public PopulationFigure recordPopulation(UUID organizationId, PopulationRequest request) {
        get(organizationId);
        if (PopulationFigure.exists(organizationId, request.referenceDate())) {
            throw new Conflict("organization " + organizationId + " has a population figure for "
                    + request.referenceDate());
        }
        var figure = new PopulationFigure();
        figure.id = UUID.randomUUID();
        figure.organizationId = organizationId;
        figure.referenceDate = request.referenceDate();
        figure.count = request.count();
        figure.source = request.source().strip();
        figure.persist();
        outbox.publish(new PopulationRecorded(organizationId, figure.id, figure.referenceDate, figure.count,
                figure.source));
        return figure;
    }

    public Organization get(UUID id) {
        return Organization.<Organization>findByIdOptional(id).orElseThrow(() -> new NotFound("organization", id));
    }

    /** Organizations without a municipality code come last by code, either way. */
    public Page<Organization> list(OrganizationKind kind, SortKey order, int page, int size) {
        var direction = order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        var sort = Sort.by(order.key(), direction, Sort.NullPrecedence.NULLS_LAST).and("id", direction);
        var query = kind == null
                ? Organization.<Organization>findAll(sort)
                : Organization.<Organization>find("kind", sort, kind);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    public List<PopulationFigure> populations(UUID organizationId) {
        get(organizationId);
        return PopulationFigure.of(organizationId);
    }

    public PopulationFigure populationOn(UUID organizationId, LocalDate on) {
        get(organizationId);
        return PopulationFigure.inForce(organizationId, on)
                .orElseThrow(() -> new NotFound("population figure in force on " + on + " for organization",
                        organizationId));
    }
}
