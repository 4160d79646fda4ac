package dk.kdnet.economy.organization;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.events.groups.OrganizationEvent;
import dk.kdnet.events.groups.OrganizationRegistered;
import dk.kdnet.events.groups.PopulationRecorded;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the organization read model from groups-service's events, each event once. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrganizationEventsConsumer.class);
    static final String CONSUMER = "economy.organizations";

    @Inject
    Inbox inbox;

    @Inject
    Event<PopulationChanged> changed;

    @Incoming("groups-organizations")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.as(OrganizationEvent.class).orElse(null)) {
            case OrganizationRegistered registered -> register(registered);
            case OrganizationChanged changed -> {
                register(new OrganizationRegistered(changed.organizationId(), changed.kind(), changed.name(),
                        changed.shortName(), changed.municipalityCode(), changed.cvr(), changed.ean()));
            }
            case PopulationRecorded recorded -> {
                record(recorded);
                changed.fire(new PopulationChanged(recorded.organizationId(), recorded.referenceDate(), event.id(),
                        event.type()));
            }
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void register(OrganizationRegistered registered) {
        if (registered.organizationId() == null || registered.name() == null || registered.kind() == null) {
            throw new MalformedEventException("organization-registered lacks organizationId, name or kind");
        }
        var organization = Organization.<Organization>findByIdOptional(registered.organizationId())
                .orElseGet(Organization::new);
        organization.id = registered.organizationId();
        organization.kind = registered.kind();
        organization.name = registered.name();
        organization.shortName = registered.shortName();
        organization.municipalityCode = registered.municipalityCode();
        organization.persist();
    }

    private void record(PopulationRecorded recorded) {
        if (recorded.organizationId() == null || recorded.referenceDate() == null) {
            throw new MalformedEventException("population-recorded lacks organizationId or referenceDate");
        }
        if (Organization.findById(recorded.organizationId()) == null) {
            // Events of one organization share a key and so a partition: its registration came first.
            throw new IllegalStateException("population for unknown organization " + recorded.organizationId());
        }
        var population = Population.<Population>findByIdOptional(
                new Population.Key(recorded.organizationId(), recorded.referenceDate())).orElseGet(Population::new);
        population.organizationId = recorded.organizationId();
        population.referenceDate = recorded.referenceDate();
        population.count = recorded.count();
        population.source = recorded.source();
        population.persist();
    }
}
