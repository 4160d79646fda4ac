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

/** Sends other services' events to the broker as their producer would, to drive economy-service in tests. */
public final class ProducedEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ProducedEvents() {}

    /** Sends the event with a new id; answers the id. */
    public static UUID send(String bootstrap, DomainEvent event) {
        return send(bootstrap, event, UUID.randomUUID());
    }

    /** Sends the event with the given id, e.g. to deliver it again. */
    public static UUID send(String bootstrap, DomainEvent event, UUID eventId) {
        // groups.organizations comes from groups-service, meetings.decisions from meetings-service.
        var source = "/kdnet/" + event.topic().substring(0, event.topic().indexOf('.')) + "-service";
        var cloudEvent = new CloudEvent(eventId, source, event.type(), event.subject(),
                OffsetDateTime.now(), null, null, JSON.valueToTree(event));
        var record = cloudEvent.toRecord(event.topic());
        var headers = new HashMap<String, String>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaEvents.send(bootstrap, record.topic(), record.key(), record.value(), headers);
        return eventId;
    }
}
