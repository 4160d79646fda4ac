package dk.kdnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncApiMergerTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void eachTopicAsItsProducerDocumentsItWithTheDeploymentsBrokers() throws Exception {
        var documents = new LinkedHashMap<String, JsonNode>();
        documents.put("meetings", YAML.readTree("""
                asyncapi: 3.0.0
                servers: {local: {host: 'localhost:9092', protocol: kafka}}
                channels:
                  meetings: {address: meetings.meetings, messages: {scheduled: {$ref: '#/components/messages/Scheduled'}}}
                  groupsBodies: {address: groups.bodies, messages: {registered: {$ref: '#/components/messages/BodyRegistered'}}}
                operations:
                  publishMeetings: {action: send, channel: {$ref: '#/channels/meetings'}}
                  consumeBodies: {action: receive, channel: {$ref: '#/channels/groupsBodies'}}
                components:
                  messages:
                    Scheduled: {name: dk.kdnet.meetings.meeting-scheduled.v1, payload: {$ref: '#/components/schemas/State'}}
                    BodyRegistered: {name: dk.kdnet.groups.body-registered.v1}
                  schemas:
                    State: {type: object}
                """));
        documents.put("groups", YAML.readTree("""
                asyncapi: 3.0.0
                channels:
                  bodies: {address: groups.bodies, messages: {registered: {$ref: '#/components/messages/BodyRegistered'}}}
                operations:
                  publishBodies: {action: send, channel: {$ref: '#/channels/bodies'}}
                components:
                  messages:
                    BodyRegistered: {name: dk.kdnet.groups.body-registered.v1, payload: {type: object, required: [bodyId]}}
                """));

        var merged = AsyncApiMerger.merge(documents, List.of("economy"),
                List.of("kdnet-kafka-bootstrap.kdnet.svc:9092"));

        assertEquals("kdnet-kafka-bootstrap.kdnet.svc:9092", merged.at("/servers/kafka/host").asText());
        assertFalse(merged.toString().contains("localhost"), "no service's local server");
        assertEquals(List.of("bodies", "meetings"), List.copyOf(iterable(merged.get("channels").fieldNames())),
                "each topic once, from its producer");
        assertEquals(List.of("groups.publishBodies", "meetings.publishMeetings"),
                List.copyOf(iterable(merged.get("operations").fieldNames())));
        assertEquals("#/components/messages/groups.BodyRegistered",
                merged.at("/channels/bodies/messages/registered/$ref").asText());
        assertEquals("bodyId", merged.at("/components/messages/groups.BodyRegistered/payload/required/0").asText());
        assertEquals("#/components/schemas/meetings.State",
                merged.at("/components/messages/meetings.Scheduled/payload/$ref").asText());
        assertEquals("economy", merged.at("/x-unavailable-services/0").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        var list = new java.util.ArrayList<String>();
        names.forEachRemaining(list::add);
        return list;
    }
}
