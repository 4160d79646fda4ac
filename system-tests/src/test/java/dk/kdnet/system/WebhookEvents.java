package dk.kdnet.system;

import dk.kdnet.testing.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/** Events for the webhook tests, put on Kafka at once as groups-service would publish them. */
final class WebhookEvents {

    // As in common/events (GroupsTopics, OrganizationChanged), which the system tests do not depend on.
    private static final String TOPIC = "groups.organizations";
    private static final String TYPE = "dk.kdnet.groups.organization-changed.v1";

    private WebhookEvents() {}

    /**
     * {@code count} organization-changed events naming {@code organization}, spread round-robin over {@code subjects}
     * subjects; the ids sent, by subject, in order.
     */
    static Map<String, List<String>> organizationChanges(UUID organization, int subjects, int count) {
        var keys = new ArrayList<String>();
        for (int i = 0; i < subjects; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        var sent = new LinkedHashMap<String, List<String>>();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int n = 0; n < count; n++) {
                var subject = keys.get(n % subjects);
                var id = UUID.randomUUID().toString();
                var record = new ProducerRecord<>(TOPIC, subject, """
                        {"organizationId":"%s","kind":"OTHER","name":"Webhook test %d","shortName":null,
                         "municipalityCode":null,"cvr":null,"ean":null}""".formatted(organization, n));
                Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/kdnet/groups-service", "ce_type",
                        TYPE, "ce_subject", subject, "ce_time", OffsetDateTime.now().toString(),
                        "content-type", "application/json").forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
                producer.send(record);
                sent.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
            }
        }
        return sent;
    }
}
