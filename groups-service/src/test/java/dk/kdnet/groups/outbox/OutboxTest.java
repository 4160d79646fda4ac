package dk.kdnet.groups.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.groups.organization.Organization;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationKind;
import dk.kdnet.groups.organization.OrganizationService;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class OutboxTest extends AsSecretariat {

    @Inject
    OrganizationService organizations;

    @Inject
    UserTransaction transaction;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventIsPublishedAfterCommitAndMarkedPublished() throws Exception {
        var id = UUID.randomUUID();
        transaction.begin();
        organizations.register(id, new OrganizationRequest(OrganizationKind.OTHER, "Committed " + id, null, null, null,
                null));
        assertEquals(1L, outboxRows(id), "the event row is written in the same transaction");
        transaction.commit();

        var record = KafkaEvents.await(bootstrap, "groups.organizations", r -> id.toString().equals(r.key()));
        assertEquals("dk.kdnet.groups.organization-registered.v1", KafkaEvents.header(record, "ce_type"));
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedRows(id) == 1L);
    }

    @Test
    void eventOfARolledBackChangeIsNeverPublished() throws Exception {
        var id = UUID.randomUUID();
        transaction.begin();
        organizations.register(id, new OrganizationRequest(OrganizationKind.OTHER, "Rolled back " + id, null, null,
                null, null));
        transaction.rollback();

        assertNull(Organization.findById(id));
        assertEquals(0L, outboxRows(id));
        var published = KafkaEvents.all(bootstrap, "groups.organizations", r -> id.toString().equals(r.key()),
                Duration.ofSeconds(3));
        assertTrue(published.isEmpty(), "nothing on the topic for the rolled-back organization");
    }

    private long outboxRows(UUID subject) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE subject = ?1")
                .setParameter(1, subject.toString()).getSingleResult()).longValue();
    }

    private long publishedRows(UUID subject) throws Exception {
        transaction.begin();
        try {
            return ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM outbox_event WHERE subject = ?1 AND published_at IS NOT NULL")
                    .setParameter(1, subject.toString()).getSingleResult()).longValue();
        } finally {
            transaction.commit();
        }
    }
}
