package dk.kdnet.groups.collaboration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsRequest;
import dk.kdnet.groups.collaboration.MembershipTerms.NoticeCountedFrom;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service API a consumer of meeting decisions calls: redelivered decisions must be harmless. */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class CollaborationServiceTest extends AsSecretariat {

    private static final UUID ODDER = ReferenceIds.organization("odder");

    @Inject
    CollaborationService collaborations;

    @Test
    void aJoinDecisionAppliedTwiceJoinsOnce() {
        var id = collaboration();
        var decision = new DecisionReference(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 12);
        var first = collaborations.join(id, ODDER, LocalDate.of(2024, 3, 13), decision);
        var again = collaborations.join(id, ODDER, LocalDate.of(2024, 3, 13), decision);
        assertEquals(first.id, again.id);
        assertEquals(1, collaborations.members(id, null).size());
    }

    @Test
    void aWithdrawalDecisionAppliedTwiceKeepsTheFirstResult() {
        var id = collaboration();
        collaborations.join(id, ODDER, LocalDate.of(2021, 1, 1), null);
        var decision = new DecisionReference(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 57);
        var first = collaborations.withdraw(id, ODDER, LocalDate.of(2024, 3, 5), decision, "decided at a meeting");
        var again = collaborations.withdraw(id, ODDER, LocalDate.of(2024, 3, 5), decision, "decided at a meeting");
        assertEquals(first.id, again.id);
        assertEquals(LocalDate.of(2025, 4, 1), again.effectiveExit);
        assertEquals(first.version, again.version);
        assertEquals(decision.decisionId(), again.withdrawalDecision.decisionId);
    }

    private UUID collaboration() {
        var id = UUID.randomUUID();
        collaborations.register(id, new CollaborationRequest("Service test " + id, null, null, null,
                LocalDate.of(2021, 1, 1), null));
        collaborations.addTerms(id, new TermsRequest("2023-08-25", LocalDate.of(2023, 8, 25), null, 12,
                NoticeCountedFrom.MONTH_OF_NOTICE,
                List.of(new TransitionalRule(LocalDate.of(2023, 8, 25), LocalDate.of(2024, 1, 1))),
                BudgetMode.VARIABLE, null, null, null, null));
        return id;
    }
}
