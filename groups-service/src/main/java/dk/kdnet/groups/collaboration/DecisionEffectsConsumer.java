package dk.kdnet.groups.collaboration;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.groups.body.BodyRole;
import dk.kdnet.groups.body.BodyService;
import dk.kdnet.rules.RuleException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Carries out the effects of decisions recorded in meetings-service that groups-service acts on ({@link #KINDS}): a
 * member's notice (COLLABORATION_WITHDRAWAL), a new member (COLLABORATION_JOIN) and a seat in a body (APPOINTMENT),
 * each once per decision.
 *
 * <p>A decision without such an effect is passed over without a transaction. All effects of one decision are applied
 * in the inbox's transaction, so a decision is applied
 * whole or not at all. An effect that breaks a membership rule (a second notice by another decision,
 * a non-member, a notice before joining, a seat taken) fails the same way on every retry: it is not retried and the
 * decision goes to {@code groups.dead-letter}, its reason naming the rule.
 */
@ApplicationScoped
public class DecisionEffectsConsumer {

    private static final Logger LOG = Logger.getLogger(DecisionEffectsConsumer.class);
    static final String CONSUMER = "groups.decisions";

    /**
     * Outcomes whose effects groups-service carries out. An approved decision obviously; a noted one
     * too, because a member's notice is the member's own act that the body only takes note of
     * (Hedensted's withdrawal at the meeting of 2023-08-25). A rejected, postponed, referred or merely
     * discussed item changes no membership.
     */
    static final Set<String> EFFECTIVE_OUTCOMES = Set.of("APPROVED", "NOTED");

    /** The effect kinds groups-service carries out. */
    public static final Set<String> KINDS = Set.of(DecisionEffect.COLLABORATION_WITHDRAWAL,
            DecisionEffect.COLLABORATION_JOIN, DecisionEffect.APPOINTMENT);

    @Inject
    Inbox inbox;

    @Inject
    CollaborationService collaborations;

    @Inject
    BodyService bodies;

    @Incoming("meetings-decisions")
    @Blocking
    @Retry(maxRetries = 5, delay = 200, abortOn = {MalformedEventException.class, EffectRejected.class})
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, record, event -> DecisionRecorded.hasEffectOf(event, KINDS), this::apply);
    }

    void apply(CloudEvent event) {
        var recorded = DecisionRecorded.of(event);
        if (recorded.isEmpty()) {
            LOG.debugf("ignoring %s", event.type());
            return;
        }
        var decision = recorded.get();
        if (!EFFECTIVE_OUTCOMES.contains(decision.outcome())) {
            LOG.infof("decision %s is %s: its effects are not carried out", decision.decisionId(),
                    decision.outcome());
            return;
        }
        var reference = new DecisionReference(decision.decisionId(), decision.meetingId(), decision.agendaItemId(),
                decision.itemNumber());
        for (var effect : decision.effectList()) {
            try {
                applyEffect(effect, decision, reference);
            } catch (RuleException e) {
                throw new EffectRejected(decision, effect, e);
            }
        }
    }

    private void applyEffect(DecisionEffect effect, DecisionRecorded recorded, DecisionReference decision) {
        switch (effect.kind() == null ? "" : effect.kind()) {
            case DecisionEffect.COLLABORATION_WITHDRAWAL -> {
                requireCollaborationFields(effect);
                collaborations.withdraw(effect.collaborationId(), effect.organizationId(), effect.date(), decision,
                        effect.reason());
            }
            case DecisionEffect.COLLABORATION_JOIN -> {
                requireCollaborationFields(effect);
                collaborations.join(effect.collaborationId(), effect.organizationId(), effect.date(), decision);
            }
            case DecisionEffect.APPOINTMENT -> {
                if (effect.personId() == null || effect.seat() == null) {
                    throw new MalformedEventException("APPOINTMENT effect " + effect.effectId() + " lacks personId or seat");
                }
                bodies.appoint(effect.bodyId() != null ? effect.bodyId() : recorded.bodyId(), effect.personId(),
                        role(effect), effect.date() != null ? effect.date() : recorded.meetingDate(), effect.until(),
                        decision);
            }
            default -> LOG.debugf("decision %s: effect %s of kind %s is not for groups-service", decision.decisionId(),
                    effect.effectId(), effect.kind());
        }
    }

    private static BodyRole role(DecisionEffect effect) {
        try {
            return BodyRole.valueOf(effect.seat());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("APPOINTMENT effect " + effect.effectId() + " names no role: " + effect.seat());
        }
    }

    private static void requireCollaborationFields(DecisionEffect effect) {
        if (effect.collaborationId() == null || effect.organizationId() == null || effect.date() == null) {
            throw new MalformedEventException(effect.kind() + " effect " + effect.effectId()
                    + " lacks collaborationId, organizationId or date");
        }
    }

    /** A decision effect that breaks a membership rule; its message is the dead-letter reason. */
    static final class EffectRejected extends RuntimeException {
        EffectRejected(DecisionRecorded decision, DecisionEffect effect, RuleException cause) {
            super("decision " + decision.decisionId() + " (item " + decision.itemNumber() + "): " + effect.kind()
                    + " effect " + effect.effectId() + subject(effect) + " is refused (" + cause.refusal() + "): "
                    + cause.getMessage(), cause);
        }

        private static String subject(DecisionEffect effect) {
            return DecisionEffect.APPOINTMENT.equals(effect.kind())
                    ? " of person " + effect.personId() + " as " + effect.seat()
                    : " of organization " + effect.organizationId() + " in collaboration " + effect.collaborationId();
        }
    }
}
