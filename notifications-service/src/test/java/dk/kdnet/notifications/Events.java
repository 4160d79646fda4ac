package dk.kdnet.notifications;

import dk.kdnet.events.groups.GroupsTopics;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.TestInfrastructure;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Events as groups-service publishes them (CloudEvents in Kafka's binary mode, the subject as key). */
public final class Events {

    private Events() {}

    /** An organization-changed event of {@code subject} naming {@code organization}, numbered {@code n}. */
    public static UUID organizationChanged(UUID subject, UUID organization, int n) {
        return send(GroupsTopics.ORGANIZATIONS, OrganizationChanged.TYPE, subject, """
                {"organizationId":"%s","kind":"MUNICIPALITY","name":"Testkommune %d","shortName":"T%d",
                 "municipalityCode":null,"cvr":null,"ean":null}""".formatted(organization, n, n));
    }

    /** An event of any type and data; its id. */
    public static UUID send(String topic, String type, UUID subject, String data) {
        var id = UUID.randomUUID();
        KafkaEvents.send(TestInfrastructure.get().bootstrapServers(), topic, subject.toString(), data,
                Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_source", "/kdnet/test",
                        "ce_type", type, "ce_subject", subject.toString(),
                        "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
        return id;
    }
}
