package dk.kdnet.economy.membership;

import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.financing.Roster;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationMembershipEvent;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the collaboration membership read model from groups-service's events, each event once, and
 * announces the change, on which the charges are recalculated in the same transaction.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MembershipEventsConsumer.class);
    static final String CONSUMER = "economy.collaboration-memberships";

    @Inject
    Inbox inbox;

    @Inject
    Event<MembershipChanged> changed;

    @Incoming("groups-collaboration-memberships")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> {
            try {
                apply(event);
            } catch (InvalidSchemeException e) {
                throw new MalformedEventException("breaks a membership rule: " + e.getMessage());
            }
        });
    }

    void apply(CloudEvent event) {
        switch (event.as(CollaborationMembershipEvent.class).orElse(null)) {
            case CollaborationMemberJoined joined -> {
                require(joined.collaborationId() != null && joined.organizationId() != null
                        && joined.joinedOn() != null, "collaboration-member-joined lacks collaborationId, "
                        + "organizationId or joinedOn");
                var membershipId = joined.membershipId() != null ? joined.membershipId() : event.id();
                if (CollaborationMembership.findById(membershipId) == null) {
                    var roster = roster(joined.collaborationId())
                            .join(membershipId.toString(), joined.organizationId().toString(), joined.joinedOn());
                    save(joined.collaborationId(), roster.latest(joined.organizationId().toString()).orElseThrow());
                }
                changed.fire(new MembershipChanged(joined.collaborationId(), event.id(), event.type(),
                        joined.decision()));
            }
            case CollaborationMemberWithdrew withdrew -> {
                require(withdrew.collaborationId() != null && withdrew.organizationId() != null
                        && withdrew.effectiveExit() != null, "collaboration-member-withdrew lacks collaborationId, "
                        + "organizationId or effectiveExit");
                var organization = withdrew.organizationId().toString();
                var roster = roster(withdrew.collaborationId());
                // A notice seen before (the same exit) changes nothing.
                if (!roster.latest(organization).map(t -> withdrew.effectiveExit().equals(t.exit())).orElse(false)) {
                    var tenure = roster.leave(organization, withdrew.effectiveExit()).latest(organization).orElseThrow();
                    var membership = save(withdrew.collaborationId(), tenure);
                    membership.noticeGiven = withdrew.noticeGiven();
                }
                changed.fire(new MembershipChanged(withdrew.collaborationId(), event.id(), event.type(),
                        withdrew.decision()));
            }
            case CollaborationWithdrawalRevoked revoked -> {
                require(revoked.collaborationId() != null && revoked.organizationId() != null,
                        "collaboration-withdrawal-revoked lacks collaborationId or organizationId");
                var organization = revoked.organizationId().toString();
                var roster = roster(revoked.collaborationId());
                if (roster.latest(organization).map(t -> t.exit() != null).orElse(false)) {
                    var membership = save(revoked.collaborationId(),
                            roster.revoke(organization).latest(organization).orElseThrow());
                    membership.noticeGiven = null;
                }
                changed.fire(new MembershipChanged(revoked.collaborationId(), event.id(), event.type(), null));
            }
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    // Events of one collaboration share a key and so a partition: they come in the order groups-service made them.
    private static Roster roster(UUID collaborationId) {
        return Roster.of(CollaborationMembership.termsOf(List.of(collaborationId)).stream()
                .map(CollaborationMembership.Term::tenure).toList());
    }

    /** Writes a tenure the roster's rules produced; a change they refuse is parked with its reason. */
    private static CollaborationMembership save(UUID collaborationId, Roster.Tenure tenure) {
        var id = UUID.fromString(tenure.membershipId());
        var membership = CollaborationMembership.<CollaborationMembership>findByIdOptional(id).orElseGet(() -> {
            var created = new CollaborationMembership();
            created.membershipId = id;
            created.collaborationId = collaborationId;
            created.organizationId = UUID.fromString(tenure.organizationId());
            return created;
        });
        membership.joinedOn = tenure.joinedOn();
        membership.effectiveExit = tenure.exit();
        membership.updatedAt = Instant.now();
        membership.persist();
        return membership;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedEventException(problem);
        }
    }
}
