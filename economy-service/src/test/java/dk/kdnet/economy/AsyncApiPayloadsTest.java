package dk.kdnet.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.economy.ChargeEvent;
import dk.kdnet.events.groups.CollaborationMembershipEvent;
import dk.kdnet.events.groups.OrganizationEvent;
import dk.kdnet.events.meetings.DecisionEvent;
import dk.kdnet.testing.contract.AsyncApiPayloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events economy-service publishes and the groups and meetings events it consumes, as asyncapi.yaml describes
 * them.
 */
class AsyncApiPayloadsTest {

    @Test
    void everyPayloadHasTheFieldsOfItsEventRecord() {
        var document = AsyncApiPayloads.of(Path.of("src/main/resources/META-INF/resources/asyncapi.yaml"));
        assertEquals(List.of(), document.differences(ChargeEvent.class, OrganizationEvent.class,
                CollaborationMembershipEvent.class, DecisionEvent.class));
    }
}
