package dk.kdnet.notifications.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.groups.GroupsTopics;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import dk.kdnet.testing.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * A poll's events are recorded in one transaction; one that cannot be read is parked alone, and the others of its
 * poll are recorded all the same. The polls are handed to the recorder as Kafka would, so which events share a poll
 * is certain.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class EventRecorderTest extends AsSecretariat {

    private static final TopicPartition PARTITION = new TopicPartition(GroupsTopics.ORGANIZATIONS, 0);

    @Inject
    EventRecorder recorder;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Test
    void aPollIsRecordedInOneTransactionOnceEvenWhenItComesAgain() {
        var organization = UUID.randomUUID();
        var subscription = subscribe(organization);
        var offset = farOffset();
        var events = List.of(event(organization, 1, offset), event(organization, 2, offset + 1),
                event(organization, 3, offset + 2));
        var transactions = batches();

        recorder.consume(poll(events));
        recorder.consume(poll(events));

        assertEquals(transactions + 2, batches(), "one transaction for each of the two polls");
        assertEquals(ids(events), deliveries(subscription), "a delivery for each event, once");
        assertEquals(3L, kept(ids(events)), "each event kept once");
    }

    @Test
    void anEventThatCannotBeReadIsParkedAloneAndTheRestOfItsPollIsRecorded() {
        var organization = UUID.randomUUID();
        var subscription = subscribe(organization);
        var offset = farOffset();
        var first = event(organization, 1, offset);
        var unreadable = record(organization, "not-a-uuid", offset + 1,
                "{\"organizationId\":\"%s\"}".formatted(organization));
        var last = event(organization, 3, offset + 2);

        recorder.consume(poll(List.of(first, unreadable, last)));

        assertEquals(ids(List.of(first, last)), deliveries(subscription), "the readable events of the poll");
        var parked = KafkaEvents.await(TestInfrastructure.get().bootstrapServers(), "notifications.dead-letter",
                record -> String.valueOf(offset + 1).equals(KafkaEvents.header(record, "dead-letter-offset")));
        assertEquals(GroupsTopics.ORGANIZATIONS, KafkaEvents.header(parked, "dead-letter-topic"));
        assertEquals("0", KafkaEvents.header(parked, "dead-letter-partition"));
        assertTrue(KafkaEvents.header(parked, "dead-letter-reason").contains("not-a-uuid"),
                KafkaEvents.header(parked, "dead-letter-reason"));
        assertEquals("not-a-uuid", KafkaEvents.header(parked, "ce_id"), "its own headers kept");
        assertEquals(unreadable.value(), parked.value());
        // Parked where operators see it and can replay it, as SmallRye's dead-letter strategy would have.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/api/subscriptions/admin/dead-letters?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.offset").stream().map(String::valueOf)
                .anyMatch(String.valueOf(offset + 1)::equals));
    }

    private String subscribe(UUID organization) {
        return given().contentType("application/json").body("""
                {"url":"http://127.0.0.1:9/hooks","eventTypes":["%s"],"filters":{"organization":"%s"}}"""
                .formatted(OrganizationChanged.TYPE, organization))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Offsets no record of the running Kafka has, so a parked one is told apart from any other test's. */
    private static long farOffset() {
        return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private static ConsumerRecord<String, String> event(UUID organization, int n, long offset) {
        return record(organization, UUID.randomUUID().toString(), offset, """
                {"organizationId":"%s","kind":"MUNICIPALITY","name":"Testkommune %d","shortName":"T%d",
                 "municipalityCode":null,"cvr":null,"ean":null}""".formatted(organization, n, n));
    }

    /** An organization-changed event as groups-service publishes it (binary mode), with the given {@code ce_id}. */
    private static ConsumerRecord<String, String> record(UUID organization, String id, long offset, String data) {
        var record = new ConsumerRecord<>(GroupsTopics.ORGANIZATIONS, 0, offset, organization.toString(), data);
        for (var header : Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/kdnet/test",
                "ce_type", OrganizationChanged.TYPE, "ce_subject", organization.toString(),
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json").entrySet()) {
            record.headers().add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(PARTITION, records),
                Map.of(PARTITION, new OffsetAndMetadata(records.getLast().offset() + 1)));
    }

    private static Set<String> ids(List<ConsumerRecord<String, String>> records) {
        return Set.copyOf(records.stream().map(r -> KafkaEvents.header(r, "ce_id")).toList());
    }

    private Set<String> deliveries(String subscription) {
        return Set.copyOf(given().get("/api/subscriptions/" + subscription + "/deliveries?size=100").then()
                .statusCode(200).extract().jsonPath().<String>getList("items.eventId"));
    }

    private long kept(Set<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM webhook_event WHERE id IN (?1)")
                .setParameter(1, ids.stream().map(UUID::fromString).toList()).getSingleResult()).longValue());
    }

    private long batches() {
        var timer = metrics.find("kdnet.inbox.batch.handling").tag("consumer", EventRecorder.CONSUMER).timer();
        return timer == null ? 0 : timer.count();
    }
}
