package dk.kdnet.economy.charge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.DomainEvent;
import dk.kdnet.testing.KafkaEvents;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.UUID;

/** Sends groups-service's events to the broker as groups-service would, to drive economy-service in tests. */
final class GroupsEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private GroupsEvents() {}

    /** Sends the event with a new id; answers the id. */
    static UUID send(String bootstrap, DomainEvent event) {
        return send(bootstrap, event, UUID.randomUUID());
    }

    /** Sends the event with the given id, e.g. to deliver it again. */
    static UUID send(String bootstrap, DomainEvent event, UUID eventId) {
        var cloudEvent = new CloudEvent(eventId, "/kdnet/groups-service", event.type(), event.subject(),
                OffsetDateTime.now(), null, null, JSON.valueToTree(event));
        var record = cloudEvent.toRecord(event.topic());
        var headers = new HashMap<String, String>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaEvents.send(bootstrap, record.topic(), record.key(), record.value(), headers);
        return eventId;
    }
}
