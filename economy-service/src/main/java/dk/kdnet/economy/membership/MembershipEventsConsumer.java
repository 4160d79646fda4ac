package dk.kdnet.economy.membership;

import dk.kdnet.economy.charge.Cause;
import dk.kdnet.economy.charge.ChargeService;
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
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the collaboration membership read model from groups-service's events, each event once, and
 * recalculates the collaboration's charges in the same transaction.
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MembershipEventsConsumer.class);
    static final String CONSUMER = "economy.collaboration-memberships";

    @Inject
    Inbox inbox;

    @Inject
    ChargeService charges;

    @Incoming("groups-collaboration-memberships")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.as(CollaborationMembershipEvent.class).orElse(null)) {
            case CollaborationMemberJoined joined -> {
                require(joined.collaborationId() != null && joined.organizationId() != null
                        && joined.joinedOn() != null, "collaboration-member-joined lacks collaborationId, "
                        + "organizationId or joinedOn");
                var membership = membership(joined.collaborationId(), joined.organizationId());
                membership.membershipId = joined.membershipId();
                membership.joinedOn = joined.joinedOn();
                membership.noticeGiven = null;
                membership.effectiveExit = null;
                save(membership);
                charges.recalculateCollaboration(joined.collaborationId(),
                        new Cause(event.id(), event.type(), joined.decision()));
            }
            case CollaborationMemberWithdrew withdrew -> {
                require(withdrew.collaborationId() != null && withdrew.organizationId() != null
                        && withdrew.effectiveExit() != null, "collaboration-member-withdrew lacks collaborationId, "
                        + "organizationId or effectiveExit");
                var membership = existing(withdrew.collaborationId(), withdrew.organizationId());
                membership.noticeGiven = withdrew.noticeGiven();
                membership.effectiveExit = withdrew.effectiveExit();
                save(membership);
                charges.recalculateCollaboration(withdrew.collaborationId(),
                        new Cause(event.id(), event.type(), withdrew.decision()));
            }
            case CollaborationWithdrawalRevoked revoked -> {
                require(revoked.collaborationId() != null && revoked.organizationId() != null,
                        "collaboration-withdrawal-revoked lacks collaborationId or organizationId");
                var membership = existing(revoked.collaborationId(), revoked.organizationId());
                membership.noticeGiven = null;
                membership.effectiveExit = null;
                save(membership);
                charges.recalculateCollaboration(revoked.collaborationId(), new Cause(event.id(), event.type(), null));
            }
            case null -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private static CollaborationMembership membership(UUID collaborationId, UUID organizationId) {
        return CollaborationMembership.<CollaborationMembership>findByIdOptional(
                new CollaborationMembership.Key(collaborationId, organizationId)).orElseGet(() -> {
                    var created = new CollaborationMembership();
                    created.collaborationId = collaborationId;
                    created.organizationId = organizationId;
                    return created;
                });
    }

    private static CollaborationMembership existing(UUID collaborationId, UUID organizationId) {
        // Events of one collaboration share a key and so a partition: the join came first.
        return CollaborationMembership.<CollaborationMembership>findByIdOptional(
                new CollaborationMembership.Key(collaborationId, organizationId)).orElseThrow(
                        () -> new IllegalStateException("no membership of " + organizationId + " in " + collaborationId));
    }

    private static void save(CollaborationMembership membership) {
        membership.updatedAt = Instant.now();
        membership.persist();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedEventException(problem);
        }
    }
}
