package dk.kdnet.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An amount in event data keeps its scale on the way through the outbox, the relay and the consumer. */
class CloudEventTest {

    record Charged(String organization, BigDecimal amount, BigDecimal share) {}

    @Test
    void anAmountKeepsItsPlainScaleFromOutboxThroughRelayToConsumer() throws Exception {
        var charged = new Charged("Aarhus", new BigDecimal("1200.00"), new BigDecimal("0.10"));
        // As Outbox builds it and stores it (jsonb keeps the text of a number as written).
        var stored = event(CloudEvent.JSON.valueToTree(charged)).data().toString();
        assertEquals("{\"organization\":\"Aarhus\",\"amount\":1200.00,\"share\":0.10}", stored);

        // As OutboxRelay reads it back and publishes it.
        var published = event(CloudEvent.JSON.readTree(stored)).toRecord("economy.charges");
        assertEquals("{\"organization\":\"Aarhus\",\"amount\":1200.00,\"share\":0.10}", published.value());

        var received = new ConsumerRecord<>("economy.charges", 0, 0, published.key(), published.value());
        published.headers().forEach(header -> received.headers().add(header));
        var consumed = CloudEvent.fromRecord(received).dataAs(Charged.class);
        assertEquals("1200.00", consumed.amount().toString());
        assertEquals("0.10", consumed.share().toString());
    }

    private static CloudEvent event(JsonNode data) {
        return new CloudEvent(UUID.randomUUID(), "/kdnet/economy-service", "dk.kdnet.economy.charged.v1", "Aarhus",
                OffsetDateTime.parse("2026-12-06T03:00:00Z"), null, null, data);
    }
}
