package dk.kdnet.groups.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.groups.body.Body;
import dk.kdnet.groups.body.BodyApi.BodyRequest;
import dk.kdnet.groups.body.BodyApi.EndRequest;
import dk.kdnet.groups.body.BodyApi.MembershipRequest;
import dk.kdnet.groups.body.BodyApi.RoleChangeRequest;
import dk.kdnet.groups.body.BodyKind;
import dk.kdnet.groups.body.BodyRole;
import dk.kdnet.groups.body.BodyService;
import dk.kdnet.groups.collaboration.BudgetMode;
import dk.kdnet.groups.collaboration.Collaboration;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsRequest;
import dk.kdnet.groups.collaboration.CollaborationService;
import dk.kdnet.groups.collaboration.MembershipTerms.NoticeCountedFrom;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.groups.organization.OrganizationApi.OrganizationRequest;
import dk.kdnet.groups.organization.OrganizationApi.PopulationRequest;
import dk.kdnet.groups.organization.OrganizationKind;
import dk.kdnet.groups.organization.OrganizationService;
import dk.kdnet.groups.person.PersonApi.PersonRequest;
import dk.kdnet.groups.person.PersonService;
import dk.kdnet.groups.secretariat.Secretariat;
import dk.kdnet.groups.secretariat.SecretariatApi.SecretariatRequest;
import dk.kdnet.groups.secretariat.SecretariatApi.StaffRequest;
import dk.kdnet.groups.secretariat.SecretariatService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads KD-Net's reference data on the first start: the 19 municipalities and the region with their
 * population figures; the bodies with (fictitious) chairs; the secretariats; the collaborations with
 * GovTech Midtjylland's members, terms and Hedensted's withdrawal. Through the services, so the events
 * reach the other services as any change would. Each part loads once, when its table is empty.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    private static final long LOCK_KEY = 0x6b646e6574726566L; // "kdnetref"

    @Inject
    OrganizationService organizations;

    @Inject
    PersonService persons;

    @Inject
    BodyService bodies;

    @Inject
    SecretariatService secretariats;

    @Inject
    CollaborationService collaborations;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    record Population(LocalDate referenceDate, long count, String source) {}

    record ReferenceOrganization(String slug, OrganizationKind kind, String name, String shortName,
            String municipalityCode, List<Population> populations) {}

    record OrganizationsFile(String about, List<ReferenceOrganization> organizations) {}

    record ReferencePerson(String slug, String name, String title, String employer) {}

    record RoleChange(LocalDate on, BodyRole role, String reason) {}

    record ReferenceSeat(String person, BodyRole role, boolean voting, String organization, LocalDate validFrom,
            LocalDate validTo, String endReason, RoleChange roleChange) {}

    record ReferenceBody(String slug, BodyKind kind, String name, String shortName, String parent,
            String mandateText, Integer chairSeats, Integer viceChairSeats, List<ReferenceSeat> seats) {}

    record ReferenceStaff(String person, String role, BigDecimal fte, LocalDate validFrom) {}

    record ReferenceSecretariat(String slug, String name, String host, BigDecimal fte, List<String> serves,
            String reportsToBody, String reportsTo, LocalDate validFrom, List<ReferenceStaff> staff) {}

    record ReferenceDecision(String decision, String meeting, String agendaItem, Integer itemNumber) {
        DecisionReference reference() {
            return new DecisionReference(ReferenceIds.decision(decision), ReferenceIds.meeting(meeting),
                    ReferenceIds.agendaItem(agendaItem), itemNumber);
        }
    }

    record ReferenceTerms(String version, LocalDate validFrom, String description, int noticeMonths,
            NoticeCountedFrom noticeCountedFrom, List<TransitionalRule> transitionalRules, BudgetMode budgetMode,
            ReferenceDecision decision) {}

    record ReferenceMember(String organization, LocalDate joinedOn) {}

    record ReferenceWithdrawal(String organization, LocalDate noticeGiven, ReferenceDecision decision,
            String reason) {}

    record ReferenceCollaboration(String slug, String name, String shortName, String purpose, String host,
            LocalDate validFrom, List<ReferenceTerms> terms, List<ReferenceMember> members,
            List<ReferenceWithdrawal> withdrawals) {}

    record GroupsFile(String about, List<ReferencePerson> persons, List<ReferenceBody> bodies,
            List<ReferenceSecretariat> secretariats, List<ReferenceCollaboration> collaborations) {}

    public static UUID personId(String slug) {
        return ReferenceIds.of("person", slug);
    }

    @Transactional
    void load(@Observes StartupEvent startup) {
        // Several instances may start at once; the first one loads, the others find the data.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (Organization.count() == 0) {
            loadOrganizations(read("reference-data/organizations.json", OrganizationsFile.class));
        }
        var loadBodies = Body.count() == 0;
        var loadSecretariats = Secretariat.count() == 0;
        var loadCollaborations = Collaboration.count() == 0;
        if (!loadBodies && !loadSecretariats && !loadCollaborations) {
            return;
        }
        var groups = read("reference-data/groups.json", GroupsFile.class);
        if (loadBodies) {
            loadPersonsAndBodies(groups);
        }
        if (loadSecretariats) {
            loadSecretariats(groups);
        }
        if (loadCollaborations) {
            loadCollaborations(groups);
        }
    }

    private void loadOrganizations(OrganizationsFile file) {
        for (var reference : file.organizations()) {
            var id = ReferenceIds.organization(reference.slug());
            organizations.register(id, new OrganizationRequest(reference.kind(), reference.name(),
                    reference.shortName(), reference.municipalityCode(), null, null));
            for (var population : reference.populations()) {
                organizations.recordPopulation(id, new PopulationRequest(population.referenceDate(),
                        population.count(), population.source()));
            }
        }
        LOG.infof("loaded reference data: %d organizations", file.organizations().size());
    }

    private void loadPersonsAndBodies(GroupsFile file) {
        for (var person : file.persons()) {
            persons.register(personId(person.slug()), new PersonRequest(person.name(), person.title(),
                    organization(person.employer()), null));
        }
        for (var body : file.bodies()) {
            bodies.register(ReferenceIds.body(body.slug()), new BodyRequest(body.kind(), body.name(), body.shortName(),
                    body.parent() == null ? null : ReferenceIds.body(body.parent()), body.mandateText(), null, null,
                    null, body.chairSeats(), body.viceChairSeats()));
        }
        for (var body : file.bodies()) {
            var bodyId = ReferenceIds.body(body.slug());
            for (var seat : body.seats()) {
                var membership = bodies.start(bodyId, new MembershipRequest(personId(seat.person()), seat.role(),
                        seat.voting(), organization(seat.organization()), seat.validFrom(), null));
                if (seat.validTo() != null) {
                    bodies.end(bodyId, membership.id, new EndRequest(seat.validTo(), seat.endReason()));
                }
                if (seat.roleChange() != null) {
                    bodies.changeRole(bodyId, membership.id, new RoleChangeRequest(seat.roleChange().role(), null,
                            seat.roleChange().on(), seat.roleChange().reason()));
                }
            }
        }
        LOG.infof("loaded reference data: %d persons, %d bodies", file.persons().size(), file.bodies().size());
    }

    private void loadSecretariats(GroupsFile file) {
        for (var secretariat : file.secretariats()) {
            var id = ReferenceIds.secretariat(secretariat.slug());
            secretariats.register(id, new SecretariatRequest(secretariat.name(), organization(secretariat.host()),
                    secretariat.fte(), secretariat.serves().stream().map(ReferenceIds::body).toList(),
                    secretariat.reportsToBody() == null ? null : ReferenceIds.body(secretariat.reportsToBody()),
                    secretariat.reportsTo(), secretariat.validFrom(), null));
            for (var staff : secretariat.staff()) {
                secretariats.assign(id, new StaffRequest(personId(staff.person()), staff.role(), staff.fte(),
                        staff.validFrom(), null));
            }
        }
        LOG.infof("loaded reference data: %d secretariats", file.secretariats().size());
    }

    private void loadCollaborations(GroupsFile file) {
        for (var collaboration : file.collaborations()) {
            var id = ReferenceIds.collaboration(collaboration.slug());
            collaborations.register(id, new CollaborationRequest(collaboration.name(), collaboration.shortName(),
                    collaboration.purpose(), organization(collaboration.host()), collaboration.validFrom(), null));
            for (var terms : list(collaboration.terms())) {
                var decision = terms.decision() == null ? null : terms.decision().reference();
                collaborations.addTerms(id, new TermsRequest(terms.version(), terms.validFrom(), terms.description(),
                        terms.noticeMonths(), terms.noticeCountedFrom(), terms.transitionalRules(), terms.budgetMode(),
                        decision == null ? null : decision.decisionId(), decision == null ? null : decision.meetingId(),
                        decision == null ? null : decision.agendaItemId(),
                        decision == null ? null : decision.itemNumber()));
            }
            for (var member : list(collaboration.members())) {
                collaborations.join(id, organization(member.organization()), member.joinedOn(), null);
            }
            for (var withdrawal : list(collaboration.withdrawals())) {
                collaborations.withdraw(id, organization(withdrawal.organization()), withdrawal.noticeGiven(),
                        withdrawal.decision() == null ? null : withdrawal.decision().reference(), withdrawal.reason());
            }
        }
        LOG.infof("loaded reference data: %d collaborations", file.collaborations().size());
    }

    private static UUID organization(String slug) {
        return slug == null ? null : ReferenceIds.organization(slug);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private <T> T read(String resource, Class<T> type) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
