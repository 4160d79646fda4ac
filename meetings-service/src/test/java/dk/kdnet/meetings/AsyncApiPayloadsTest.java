package dk.kdnet.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.groups.BodyEvent;
import dk.kdnet.events.groups.BodyMembershipEvent;
import dk.kdnet.events.groups.PersonEvent;
import dk.kdnet.events.meetings.DecisionEvent;
import dk.kdnet.events.meetings.MeetingEvent;
import dk.kdnet.testing.contract.AsyncApiPayloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events meetings-service publishes and the groups events it consumes, as asyncapi.yaml describes them. */
class AsyncApiPayloadsTest {

    @Test
    void everyPayloadHasTheFieldsOfItsEventRecord() {
        var document = AsyncApiPayloads.of(Path.of("src/main/resources/META-INF/resources/asyncapi.yaml"));
        assertEquals(List.of(), document.differences(MeetingEvent.class, DecisionEvent.class, BodyEvent.class,
                BodyMembershipEvent.class, PersonEvent.class));
    }
}
