package dk.kdnet.notifications.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.notifications.delivery.DeliveryWorker;
import dk.kdnet.notifications.delivery.Matching;
import dk.kdnet.notifications.delivery.ReceiverGuard;
import dk.kdnet.notifications.delivery.Signatures;
import dk.kdnet.notifications.delivery.Subscription;
import dk.kdnet.notifications.delivery.WebhookSender;
import dk.kdnet.notifications.subscription.SubscriptionApi.DeliveryStatus;
import dk.kdnet.notifications.subscription.SubscriptionApi.DeliveryView;
import dk.kdnet.notifications.subscription.SubscriptionApi.Filters;
import dk.kdnet.notifications.subscription.SubscriptionApi.ReplayRequest;
import dk.kdnet.notifications.subscription.SubscriptionApi.SubscriptionRequest;
import dk.kdnet.notifications.subscription.SubscriptionApi.TestResult;
import dk.kdnet.web.Page;
import dk.kdnet.problems.ProblemException.BadRequest;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Subscriptions and their deliveries. {@code owner} is a client caller, who sees and manages only its own (others are
 * not found); null for the secretariat, who manages all.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A client token: one limited to an organization manages that organization's subscriptions, one without (the ESDH
     * system's) those it made itself.
     */
    public record Owner(UUID organization, String client) {
        boolean owns(Subscription subscription) {
            return subscription.clientId != null && (organization != null
                    ? organization.equals(subscription.ownerOrganizationId)
                    : subscription.ownerOrganizationId == null && client.equals(subscription.clientId));
        }
    }

    @Inject
    ReceiverGuard guard;

    @Inject
    WebhookSender sender;

    @Inject
    DeliveryWorker worker;

    @Inject
    EntityManager em;

    @Transactional
    public Subscription create(SubscriptionRequest request, Owner owner, String createdBy) {
        try {
            guard.check(request.url());
        } catch (ReceiverGuard.UnsafeReceiver e) {
            throw new BadRequest("url", "url " + e.getMessage());
        }
        var types = request.eventTypes() == null ? List.<String>of() : request.eventTypes().stream().distinct().toList();
        for (var type : types) {
            if (!EventTypes.KNOWN.contains(type)) {
                throw new BadRequest("eventTypes", "unknown event type " + type + "; the types are those of the"
                        + " services' AsyncAPI documents, e.g. dk.kdnet.economy.charge-recalculated.v1");
            }
        }
        var filters = request.filters() == null ? new Filters(null, null, null, null) : request.filters();
        if (owner != null && owner.organization() != null && filters.organization() != null
                && !owner.organization().equals(filters.organization())) {
            throw new BadRequest("filters.organization", "a client subscribes for its own organization only");
        }
        var secret = request.secret() == null ? Signatures.newSecret() : request.secret();
        try {
            Signatures.key(secret);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("secret", "secret " + e.getMessage());
        }
        var subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.url = request.url();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.bodyId = filters.body();
        subscription.meetingId = filters.meeting();
        subscription.collaborationId = filters.collaboration();
        subscription.organizationId = filters.organization();
        subscription.clientId = owner == null ? null : owner.client();
        subscription.ownerOrganizationId = owner == null ? null : owner.organization();
        subscription.secret = secret;
        subscription.createdAt = OffsetDateTime.now();
        subscription.createdBy = createdBy;
        subscription.persist();
        return subscription;
    }

    public Subscription get(UUID id, Owner owner) {
        return Subscription.<Subscription>findByIdOptional(id)
                .filter(subscription -> owner == null || owner.owns(subscription))
                .orElseThrow(() -> new NotFound("subscription", id));
    }

    public Page<Subscription> list(Owner owner, int page, int size) {
        var order = Sort.by("createdAt").and("id");
        var query = owner == null ? Subscription.<Subscription>findAll(order)
                : owner.organization() != null
                        ? Subscription.<Subscription>find("clientId is not null and ownerOrganizationId = ?1", order,
                                owner.organization())
                        : Subscription.<Subscription>find("ownerOrganizationId is null and clientId = ?1", order,
                                owner.client());
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Its undelivered events go with it. */
    @Transactional
    public void delete(UUID id, Owner owner) {
        get(id, owner).delete();
    }

    /** A ping, sent now (not queued, not retried), signed like every delivery. */
    public TestResult test(UUID id, Owner owner) {
        var subscription = get(id, owner);
        var webhookId = UUID.randomUUID().toString();
        var body = JSON.createObjectNode().put("specversion", "1.0").put("id", webhookId)
                .put("source", "/kdnet/notifications-service").put("type", "dk.kdnet.notifications.ping.v1")
                .put("subject", subscription.id.toString()).put("time", OffsetDateTime.now().toString())
                .put("datacontenttype", "application/json");
        body.putObject("data").put("subscriptionId", subscription.id.toString());
        var outcome = sender.send(subscription.url, webhookId, body.toString(), subscription.secret);
        return new TestResult(webhookId, outcome.delivered(), outcome.status(), outcome.error(),
                outcome.durationMillis());
    }

    @Transactional
    public Subscription resume(UUID id, Owner owner) {
        var subscription = get(id, owner);
        if (subscription.status != Subscription.Status.PAUSED) {
            throw new Conflict("subscription " + id + " is not paused");
        }
        subscription.status = Subscription.Status.ACTIVE;
        subscription.pausedReason = null;
        subscription.pausedAt = null;
        // A fresh start: tried now, and another give-up-after before it is paused again.
        em.createNativeQuery("""
                UPDATE delivery SET next_attempt_at = now(), failing_since = NULL
                WHERE subscription_id = ?1 AND status = 'PENDING'""").setParameter(1, id).executeUpdate();
        worker.wake();
        return subscription;
    }

    /** Queues the events of a time range or the given ones again (those the subscription matches), in order. */
    @Transactional
    public int replay(UUID id, Owner owner, ReplayRequest request) {
        var subscription = get(id, owner);
        var byIds = request.eventIds() != null && !request.eventIds().isEmpty();
        var byTime = request.from() != null || request.to() != null;
        if (byIds == byTime) {
            throw new BadRequest(byIds ? "eventIds" : "from", "give either from and to, or eventIds");
        }
        if (byTime && (request.from() == null || request.to() == null)) {
            throw new BadRequest(request.from() == null ? "from" : "to", "a range needs both from and to");
        }
        if (byTime && !request.from().isBefore(request.to())) {
            throw new BadRequest("to", "to must be after from");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = byIds
                ? em.createNativeQuery("SELECT id, type, subject, payload FROM webhook_event WHERE id IN (?1)"
                        + " ORDER BY seq").setParameter(1, request.eventIds()).getResultList()
                : em.createNativeQuery("SELECT id, type, subject, payload FROM webhook_event"
                        + " WHERE occurred_at >= ?1 AND occurred_at < ?2 ORDER BY seq")
                        .setParameter(1, request.from()).setParameter(2, request.to()).getResultList();
        var queued = 0;
        for (var event : events) {
            if (Matching.offered(subscription, Matching.parse((String) event[3])).isEmpty()) {
                continue;
            }
            queued += em.createNativeQuery("""
                    INSERT INTO delivery (subscription_id, event_id, subject, status, next_attempt_at)
                    VALUES (?1, ?2, ?3, 'PENDING', now())
                    ON CONFLICT (subscription_id, event_id) DO UPDATE SET status = 'PENDING', next_attempt_at = now(),
                      failing_since = NULL, delivered_at = NULL""")
                    .setParameter(1, id).setParameter(2, event[0]).setParameter(3, event[2]).executeUpdate();
        }
        worker.wake();
        return queued;
    }

    public Page<DeliveryView> deliveries(UUID id, Owner owner, DeliveryStatus status, int page, int size) {
        get(id, owner);
        var where = " WHERE d.subscription_id = ?1" + (status == null ? "" : " AND d.status = ?2");
        var count = em.createNativeQuery("SELECT count(*) FROM delivery d" + where).setParameter(1, id);
        var select = em.createNativeQuery("""
                SELECT d.event_id, e.type, d.subject, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
                       d.last_status, d.last_error, d.delivered_at, d.created_at
                FROM delivery d JOIN webhook_event e ON e.id = d.event_id""" + where
                + " ORDER BY d.seq DESC LIMIT " + size + " OFFSET " + (long) page * size).setParameter(1, id);
        if (status != null) {
            count.setParameter(2, status.name());
            select.setParameter(2, status.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        var items = rows.stream().map(row -> {
            var pending = DeliveryStatus.valueOf((String) row[3]) == DeliveryStatus.PENDING;
            return new DeliveryView((UUID) row[0], (String) row[1], (String) row[2], DeliveryStatus.valueOf((String) row[3]),
                    ((Number) row[4]).intValue(), pending ? time(row[5]) : null, time(row[6]),
                    row[7] == null ? null : ((Number) row[7]).intValue(), (String) row[8], time(row[9]), time(row[10]));
        }).toList();
        return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime time -> time;
            case java.time.Instant instant -> instant.atOffset(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp timestamp -> timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
