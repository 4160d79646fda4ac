package dk.kdnet.economy.budget;

import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.Inbox;
import dk.kdnet.events.MalformedEventException;
import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.events.meetings.DecisionRecorded;
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
 * Carries out the effects of decisions recorded in meetings-service that economy-service acts on ({@link #KINDS}):
 * an approved budget (BUDGET_APPROVED) moves to APPROVED with the decision as its cause, once per decision.
 *
 * <p>A decision without such an effect is passed over without a transaction. All effects of one decision are applied
 * in the inbox's transaction. An effect that breaks a budget rule (no such
 * budget, a draft not yet proposed) fails the same way on every retry: it is not retried and the decision goes to
 * {@code economy.dead-letter}, its reason naming the rule.
 */
@ApplicationScoped
public class BudgetDecisionsConsumer {

    private static final Logger LOG = Logger.getLogger(BudgetDecisionsConsumer.class);
    static final String CONSUMER = "economy.decisions";

    /** The effect kinds economy-service carries out. */
    public static final Set<String> KINDS = Set.of(DecisionEffect.BUDGET_APPROVED);

    @Inject
    Inbox inbox;

    @Inject
    BudgetService budgets;

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
        // Only an approval approves a budget; a noted, rejected or postponed item leaves it as it is.
        if (!"APPROVED".equals(decision.outcome())) {
            return;
        }
        var reference = new DecisionReference(decision.decisionId(), decision.meetingId(), decision.agendaItemId(),
                decision.itemNumber());
        for (var effect : decision.effectList()) {
            if (!DecisionEffect.BUDGET_APPROVED.equals(effect.kind())) {
                continue;
            }
            if (effect.year() == null || (effect.budgetId() == null && decision.bodyId() == null)) {
                throw new MalformedEventException("BUDGET_APPROVED effect " + effect.effectId()
                        + " lacks year, or budgetId and the deciding body");
            }
            try {
                budgets.approveByDecision(effect.budgetId(), decision.bodyId(), effect.year(), reference);
            } catch (RuleException e) {
                throw new EffectRejected(decision, effect, e);
            }
            LOG.infof("decision %s approved the %d budget %s", decision.decisionId(), effect.year(),
                    effect.budgetId() == null ? "of body " + decision.bodyId() : effect.budgetId());
        }
    }

    /** A decision effect that breaks a budget rule; its message is the dead-letter reason. */
    static final class EffectRejected extends RuntimeException {
        EffectRejected(DecisionRecorded decision, DecisionEffect effect, RuleException cause) {
            super("decision " + decision.decisionId() + " (item " + decision.itemNumber() + "): " + effect.kind()
                    + " effect " + effect.effectId() + " of the " + effect.year() + " budget "
                    + (effect.budgetId() == null ? "of body " + decision.bodyId() : effect.budgetId())
                    + " is refused (" + cause.refusal() + "): " + cause.getMessage(), cause);
        }
    }
}
