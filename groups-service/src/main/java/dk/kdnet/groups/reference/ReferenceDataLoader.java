package dk.kdnet.groups.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationApi.PopulationRequest;
import dk.kdnet.groups.organization.OrganizationKind;
import dk.kdnet.groups.organization.OrganizationService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads KD-Net's reference data on the first start: the 19 municipalities and the region with their
 * population figures. Through the service, so the events reach the other services as any change would.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    private static final long LOCK_KEY = 0x6b646e6574726566L; // "kdnetref"

    @Inject
    OrganizationService organizations;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    record Population(LocalDate referenceDate, long count, String source) {}

    record ReferenceOrganization(String slug, OrganizationKind kind, String name, String shortName,
            String municipalityCode, List<Population> populations) {}

    record ReferenceFile(String about, List<ReferenceOrganization> organizations) {}

    @Transactional
    void load(@Observes StartupEvent startup) {
        // Several instances may start at once; the first one loads, the others find the data.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (Organization.count() > 0) {
            return;
        }
        var file = read("reference-data/organizations.json");
        for (var reference : file.organizations()) {
            var id = ReferenceIds.organization(reference.slug());
            organizations.register(id, new OrganizationRequest(reference.kind(), reference.name(),
                    reference.shortName(), reference.municipalityCode(), null, null));
            for (var population : reference.populations()) {
                organizations.recordPopulation(id, new PopulationRequest(population.referenceDate(),
                        population.count(), population.source()));
            }
        }
        LOG.infof("loaded reference data: %d organizations", file.organizations().size());
    }

    private ReferenceFile read(String resource) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return json.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    false).readValue(in, ReferenceFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
