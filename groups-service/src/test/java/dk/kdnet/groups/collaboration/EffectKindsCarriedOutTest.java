package dk.kdnet.groups.collaboration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.meetings.DecisionEffect;
import org.junit.jupiter.api.Test;

/** groups-service carries out exactly the effect kinds the shared registry names for it (meetings-service refuses the rest). */
class EffectKindsCarriedOutTest {

    @Test
    void theConsumerCarriesOutTheKindsTheRegistryNamesForGroupsService() {
        assertEquals(DecisionEffect.carriedOutBy("groups-service"), DecisionEffectsConsumer.KINDS);
    }
}
