package dk.kdnet.economy.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.meetings.DecisionEffect;
import org.junit.jupiter.api.Test;

/** economy-service carries out exactly the effect kinds the shared registry names for it (meetings-service refuses the rest). */
class EffectKindsCarriedOutTest {

    @Test
    void theConsumerCarriesOutTheKindsTheRegistryNamesForEconomyService() {
        assertEquals(DecisionEffect.carriedOutBy("economy-service"), BudgetDecisionsConsumer.KINDS);
    }
}
