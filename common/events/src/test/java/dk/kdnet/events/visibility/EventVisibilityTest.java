package dk.kdnet.events.visibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.DomainEvent;
import dk.kdnet.events.economy.ChargeRecalculated;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.OrganizationRegistered;
import dk.kdnet.events.meetings.AgendaPublished;
import dk.kdnet.events.meetings.AgendaPublished.PublishedItem;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.events.meetings.MinutesApproved;
import dk.kdnet.events.visibility.EventVisibility.Viewer;
import dk.kdnet.security.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventVisibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID AARHUS = UUID.randomUUID();
    private static final UUID LEMVIG = UUID.randomUUID();
    private static final List<Viewer> OUTSIDERS =
            List.of(Viewer.ANONYMOUS, Viewer.client(null), Viewer.client(AARHUS));

    private static CloudEvent event(DomainEvent event) {
        return new CloudEvent(UUID.randomUUID(), "/kdnet/test", event.type(), event.subject(), OffsetDateTime.now(),
                null, null, JSON.valueToTree(event));
    }

    @Test
    void membersAndTheSecretariatSeeEveryEventAsPublished() {
        var viewer = Viewer.of(false, Set.of(Roles.MEMBER), null);
        assertEquals(Viewer.INTERNAL, viewer);
        assertEquals(Viewer.INTERNAL, Viewer.of(false, Set.of(Roles.SECRETARIAT), null));
        var decision = event(new DecisionRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3,
                UUID.randomUUID(), LocalDate.of(2023, 6, 2), "APPROVED", List.of()));
        assertSame(decision, EventVisibility.visible(decision, viewer).orElseThrow());
        var unknown = new CloudEvent(UUID.randomUUID(), "/kdnet/test", "dk.kdnet.future.thing.v1", "x",
                OffsetDateTime.now(), null, null, JSON.createObjectNode());
        assertTrue(EventVisibility.visible(unknown, viewer).isPresent());
        for (var outsider : OUTSIDERS) {
            assertTrue(EventVisibility.visible(unknown, outsider).isEmpty(), "an unknown type reached " + outsider);
        }
    }

    @Test
    void aRecordedDecisionIsADraftForAnyoneElse() {
        var decision = event(new DecisionRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 3,
                UUID.randomUUID(), LocalDate.of(2023, 6, 2), "APPROVED", List.of()));
        for (var outsider : OUTSIDERS) {
            assertTrue(EventVisibility.visible(decision, outsider).isEmpty(), outsider.toString());
        }
        assertTrue(EventVisibility.visible(decision, Viewer.of(false, Set.of(Roles.CLIENT, Roles.ESDH), null)).isEmpty());
    }

    @Test
    void aPublishedAgendaLosesItsClosedItemsForAnyoneElse() {
        var open = new PublishedItem(UUID.randomUUID(), 1, "Kollektiv trafik", false);
        var closed = new PublishedItem(UUID.randomUUID(), 2, null, true);
        var agenda = event(new AgendaPublished(UUID.randomUUID(), UUID.randomUUID(), OffsetDateTime.now(),
                List.of(open, closed)));
        for (var outsider : OUTSIDERS) {
            var shown = EventVisibility.visible(agenda, outsider).orElseThrow();
            assertEquals(1, shown.data().get("items").size());
            assertEquals(open.agendaItemId().toString(), shown.data().get("items").get(0).get("agendaItemId").asText());
            assertFalse(shown.data().toString().contains(closed.agendaItemId().toString()));
        }
        // The original is untouched: redaction works on a copy.
        assertEquals(2, agenda.data().get("items").size());
        assertEquals(2, EventVisibility.visible(agenda, Viewer.INTERNAL).orElseThrow().data().get("items").size());
    }

    @Test
    void theDecisionBehindAChangeIsLeftOutForAnyoneElse() {
        var reference = new DecisionReference(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 7);
        var withdrew = event(new CollaborationMemberWithdrew(UUID.randomUUID(), AARHUS, UUID.randomUUID(),
                LocalDate.of(2023, 6, 2), LocalDate.of(2024, 1, 1), UUID.randomUUID(), "2", reference, "notice"));
        var minutes = event(new MinutesApproved(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                reference.decisionId()));
        for (var outsider : OUTSIDERS) {
            var shown = EventVisibility.visible(withdrew, outsider).orElseThrow();
            assertTrue(shown.data().get("decision").isNull());
            assertEquals("2024-01-01", shown.data().get("effectiveExit").asText());
            assertTrue(EventVisibility.visible(minutes, outsider).orElseThrow().data().get("approvedByDecisionId").isNull());
        }
        assertEquals(reference.agendaItemId().toString(), EventVisibility.visible(withdrew, Viewer.INTERNAL)
                .orElseThrow().data().get("decision").get("agendaItemId").asText());
    }

    @Test
    void aClientLimitedToAnOrganizationSeesItsOwnChargesOnly() {
        var aarhusCharge = event(charge(AARHUS));
        var lemvigCharge = event(charge(LEMVIG));
        var aarhusClient = Viewer.of(false, Set.of(Roles.CLIENT), AARHUS);
        assertTrue(EventVisibility.visible(aarhusCharge, aarhusClient).isPresent());
        assertTrue(EventVisibility.visible(lemvigCharge, aarhusClient).isEmpty());
        assertTrue(EventVisibility.visible(lemvigCharge, Viewer.ANONYMOUS).isPresent(), "charges are public reads");
        assertTrue(EventVisibility.visible(lemvigCharge, Viewer.ANONYMOUS).orElseThrow().data().get("decision").isNull());
        assertEquals(0, new BigDecimal("1234.50").compareTo(EventVisibility.visible(aarhusCharge, aarhusClient)
                .orElseThrow().data().get("amount").decimalValue()));
    }

    @Test
    void publicFactsReachEveryone() {
        var registered = event(new OrganizationRegistered(AARHUS, "MUNICIPALITY", "Aarhus Kommune", "Aarhus", "751",
                null, null));
        for (var outsider : OUTSIDERS) {
            assertSame(registered, EventVisibility.visible(registered, outsider).orElseThrow());
        }
    }

    private static ChargeRecalculated charge(UUID organization) {
        return new ChargeRecalculated(UUID.randomUUID(), UUID.randomUUID(), "COLLABORATION", UUID.randomUUID(),
                organization, 2024, 2, new BigDecimal("1234.50"), BigDecimal.ZERO, null, false, 12, null,
                "dk.kdnet.economy.scheme-approved.v1",
                new DecisionReference(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 4));
    }
}
