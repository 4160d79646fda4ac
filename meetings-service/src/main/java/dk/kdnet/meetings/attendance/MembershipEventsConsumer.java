package dk.kdnet.meetings.attendance;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.groups.BodyMembershipEnded;
import dk.kdnet.events.groups.BodyMembershipEvent;
import dk.kdnet.events.groups.BodyMembershipStarted;
import dk.kdnet.events.groups.PersonErased;
import dk.kdnet.events.groups.PersonEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the membership read model (expected participants) from groups-service's events, each event once. */
@ApplicationScoped
public class MembershipEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MembershipEventsConsumer.class);
    static final String MEMBERSHIPS = "meetings.body-memberships";
    static final String PERSONS = "meetings.persons";

    @Inject
    Inbox inbox;

    @Incoming("groups-body-memberships")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consumeMembership(ConsumerRecord<String, String> record) {
        inbox.handle(MEMBERSHIPS, record, this::applyMembership);
    }

    @Incoming("groups-persons")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consumePerson(ConsumerRecord<String, String> record) {
        inbox.handle(PERSONS, record, this::applyPerson);
    }

    void applyMembership(CloudEvent event) {
        switch (event.as(BodyMembershipEvent.class).orElse(null)) {
            case BodyMembershipStarted started -> started(started);
            case BodyMembershipEnded ended -> ended(ended);
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    void applyPerson(CloudEvent event) {
        switch (event.as(PersonEvent.class).orElse(null)) {
            case PersonErased erased -> erased(erased);
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void started(BodyMembershipStarted started) {
        if (started.membershipId() == null || started.bodyId() == null || started.personId() == null
                || started.validFrom() == null) {
            throw new MalformedEventException("body-membership-started lacks membershipId, bodyId, personId or validFrom");
        }
        var membership = BodyMembership.<BodyMembership>findByIdOptional(started.membershipId())
                .orElseGet(BodyMembership::new);
        membership.id = started.membershipId();
        membership.bodyId = started.bodyId();
        membership.personId = started.personId();
        membership.displayName = started.personDisplayName();
        membership.role = started.role();
        membership.voting = started.voting();
        membership.representingOrganizationId = started.representingOrganizationId();
        membership.validFrom = started.validFrom();
        membership.validTo = started.validTo();
        membership.persist();
    }

    private void ended(BodyMembershipEnded ended) {
        if (ended.membershipId() == null || ended.validTo() == null) {
            throw new MalformedEventException("body-membership-ended lacks membershipId or validTo");
        }
        // Events of one body share a key and so a partition: the start came first.
        var membership = BodyMembership.<BodyMembership>findByIdOptional(ended.membershipId()).orElseThrow(
                () -> new IllegalStateException("end of unknown membership " + ended.membershipId()));
        membership.validTo = ended.validTo();
    }

    /** GDPR: the name goes from the read model and from recorded attendance alike. */
    private void erased(PersonErased erased) {
        if (erased.personId() == null) {
            throw new MalformedEventException("person-erased lacks personId");
        }
        BodyMembership.update("displayName = ?1 where personId = ?2", erased.displayName(), erased.personId());
        AttendanceEntry.update("displayName = ?1 where personId = ?2", erased.displayName(), erased.personId());
    }
}
