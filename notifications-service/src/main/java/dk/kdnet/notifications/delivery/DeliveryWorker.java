package dk.kdnet.notifications.delivery;

import dk.kdnet.events.visibility.EventVisibility;
import dk.kdnet.notifications.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Sends pending deliveries, at least once and in order per subject (aggregate) per subscription.
 *
 * <p>A worker leases one subscription at a time ({@code FOR UPDATE SKIP LOCKED} on its row, then {@code lease_until}),
 * so instances never deliver for the same subscription at once, and one that dies mid-batch (kill -9) hands it over
 * when the lease runs out. Each outcome is committed on its own right after the call: after a crash at most the call
 * in flight is made again, with the same {@code webhook-id}. A subject's next event waits until the one before it is
 * delivered; a failed call is retried with exponential backoff, and a subscription whose deliveries keep failing for
 * {@code retry.give-up-after} is paused, its undelivered events kept.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Events of one subject taken in one batch. */
    private static final int PER_SUBJECT = 20;

    @Inject
    EntityManager em;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    private final Semaphore work = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent startup) {
        var budget = config.lease().minus(config.timeout());
        if (budget.compareTo(config.timeout()) < 0) {
            throw new IllegalStateException("kdnet.webhooks.lease must be at least twice kdnet.webhooks.timeout");
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            threads.add(Thread.ofVirtual().name("webhook-worker-" + i).start(this::run));
        }
    }

    /** Lets each worker finish its call in flight and record it (not interrupted: a delivery made is kept). */
    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        work.release(threads.size());
        for (var thread : threads) {
            try {
                thread.join(config.timeout().plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * New deliveries were recorded: idle workers look at once instead of at their next poll (if they look before the
     * recording commits, the poll after finds them).
     */
    public void wake() {
        if (work.availablePermits() < config.workers()) {
            work.release(config.workers());
        }
    }

    private void run() {
        while (running) {
            try {
                var subscription = claim();
                if (subscription == null) {
                    work.drainPermits();
                    work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                try {
                    deliverFor(subscription);
                } finally {
                    release(subscription);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "webhook worker: %s", e.getMessage());
                sleep(config.pollInterval());
            }
        }
    }

    /** Leases the subscription that has waited longest among those with a due delivery at the head of a subject. */
    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> claimed = em.createNativeQuery("""
                    UPDATE subscription SET lease_until = now() + make_interval(secs => ?1) WHERE id = (
                      SELECT s.id FROM subscription s
                      WHERE s.status = 'ACTIVE' AND (s.lease_until IS NULL OR s.lease_until <= now())
                        AND EXISTS (SELECT 1 FROM delivery d
                                    WHERE d.subscription_id = s.id AND d.status = 'PENDING' AND d.next_attempt_at <= now()
                                      AND NOT EXISTS (SELECT 1 FROM delivery p
                                                      WHERE p.subscription_id = d.subscription_id AND p.subject = d.subject
                                                        AND p.status = 'PENDING' AND p.seq < d.seq))
                      ORDER BY s.lease_until NULLS FIRST, s.id
                      LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id""")
                    .unwrap(NativeQuery.class).addScalar("id", UUID.class)
                    .setParameter(1, config.lease().toMillis() / 1000.0)
                    .getResultList();
            return claimed.isEmpty() ? null : claimed.getFirst();
        });
    }

    /** Frees it, marked as served now, so the others come first next time. */
    private void release(UUID subscription) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE subscription SET lease_until = now() WHERE id = ?1")
                .setParameter(1, subscription).executeUpdate());
    }

    /** A delivery to make: {@code body} is the event as the subscription may see it, null when it may no longer. */
    private record Due(long seq, UUID eventId, String subject, int attempts, String body, String url, String secret) {}

    private void deliverFor(UUID subscription) {
        // Stop taking calls while the lease still covers the longest one.
        var stopAt = System.nanoTime() + config.lease().minus(config.timeout()).minusSeconds(1).toNanos();
        while (running && System.nanoTime() < stopAt) {
            var batch = due(subscription);
            if (batch.isEmpty()) {
                return;
            }
            var failedSubjects = new HashSet<String>();
            for (var delivery : batch) {
                if (!running || System.nanoTime() >= stopAt) {
                    return;
                }
                if (failedSubjects.contains(delivery.subject())) {
                    continue;
                }
                if (delivery.body() == null) {
                    withheld(delivery);
                    continue;
                }
                var outcome = sender.send(delivery.url(), delivery.eventId().toString(), delivery.body(),
                        delivery.secret());
                if (outcome.delivered()) {
                    delivered(delivery, outcome);
                } else {
                    failedSubjects.add(delivery.subject());
                    if (failed(subscription, delivery, outcome)) {
                        return;
                    }
                }
            }
        }
    }

    /** The first pending deliveries of each subject whose oldest pending one is due, in the order they were recorded. */
    private List<Due> due(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT p.seq, p.event_id, p.subject, p.attempts, e.payload, s.url, s.secret, s.client_id,
                           s.owner_organization_id
                    FROM (SELECT d.*, row_number() OVER (PARTITION BY d.subject ORDER BY d.seq) AS place,
                                 first_value(d.next_attempt_at) OVER (PARTITION BY d.subject ORDER BY d.seq) AS head_due_at
                          FROM delivery d WHERE d.subscription_id = ?1 AND d.status = 'PENDING') p
                    JOIN webhook_event e ON e.id = p.event_id
                    JOIN subscription s ON s.id = p.subscription_id AND s.status = 'ACTIVE'
                    WHERE p.head_due_at <= now() AND p.place <= ?2
                    ORDER BY p.seq LIMIT ?3""")
                    .setParameter(1, subscription).setParameter(2, PER_SUBJECT).setParameter(3, config.batchSize())
                    .getResultList();
            return rows.stream().map(row -> new Due(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2],
                    ((Number) row[3]).intValue(), body((String) row[4], (String) row[7], (UUID) row[8]),
                    (String) row[5], (String) row[6])).toList();
        });
    }

    /** Redacted for the subscription's owner, as when it was recorded (EventVisibility is pure). */
    private static String body(String payload, String clientId, UUID ownerOrganizationId) {
        return EventVisibility.visible(Matching.parse(payload), Matching.viewer(clientId, ownerOrganizationId))
                .map(Matching::body).orElse(null);
    }

    private void withheld(Due delivery) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE delivery SET status = 'WITHHELD', last_error = 'no longer visible to this subscription'
                WHERE seq = ?1 AND status = 'PENDING'""").setParameter(1, delivery.seq()).executeUpdate());
    }

    private void delivered(Due delivery, WebhookSender.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(),
                  last_attempt_at = now(), last_status = ?2, last_error = NULL, failing_since = NULL
                WHERE seq = ?1 AND status = 'PENDING'""")
                .setParameter(1, delivery.seq()).setParameter(2, outcome.status()).executeUpdate());
    }

    /** Records the failure and schedules the next attempt; answers whether the subscription was paused. */
    private boolean failed(UUID subscription, Due delivery, WebhookSender.Outcome outcome) {
        var delay = backoff(delivery.attempts());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OffsetDateTime> failingSince = em.createNativeQuery("""
                    UPDATE delivery SET attempts = attempts + 1, last_attempt_at = now(), last_status = ?2,
                      last_error = ?3, failing_since = coalesce(failing_since, now()),
                      next_attempt_at = now() + make_interval(secs => ?4)
                    WHERE seq = ?1 AND status = 'PENDING' RETURNING failing_since""")
                    .unwrap(NativeQuery.class).addScalar("failing_since", OffsetDateTime.class)
                    .setParameter(1, delivery.seq()).setParameter(2, outcome.status())
                    .setParameter(3, outcome.error()).setParameter(4, delay.toMillis() / 1000.0)
                    .getResultList();
            LOG.debugf("webhook %s of subscription %s failed (attempt %d, next in %s): %s", delivery.eventId(),
                    subscription, delivery.attempts() + 1, delay, outcome.error());
            if (failingSince.isEmpty()
                    || failingSince.getFirst().plus(config.retry().giveUpAfter()).isAfter(OffsetDateTime.now())) {
                return false;
            }
            var reason = "deliveries failed for " + config.retry().giveUpAfter() + "; the last: " + outcome.error();
            em.createNativeQuery("""
                    UPDATE subscription SET status = 'PAUSED', paused_reason = ?2, paused_at = now(), version = version + 1
                    WHERE id = ?1 AND status = 'ACTIVE'""")
                    .setParameter(1, subscription).setParameter(2, reason).executeUpdate();
            LOG.warnf("subscription %s paused: %s", subscription, reason);
            return true;
        });
    }

    /** first-delay, doubled after each failed attempt, at most max-delay. */
    Duration backoff(int attemptsBefore) {
        var delay = config.retry().firstDelay().multipliedBy(1L << Math.min(attemptsBefore, 30));
        return delay.compareTo(config.retry().maxDelay()) > 0 ? config.retry().maxDelay() : delay;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
