package dk.kdnet.groups.collaboration;

import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.Outbox;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationRegistered;
import dk.kdnet.events.groups.CollaborationTermsChanged;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import dk.kdnet.groups.collaboration.CollaborationApi.CollaborationRequest;
import dk.kdnet.groups.collaboration.CollaborationApi.TermsRequest;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import dk.kdnet.groups.organization.Organization;
import dk.kdnet.rules.RuleException;
import dk.kdnet.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Collaborations, their terms and their members. {@link #join} and {@link #withdraw} are the entry
 * points for both the REST API and decisions recorded at meetings (a Kafka consumer may deliver the
 * same decision twice): a request carrying a decision id already recorded for that member is a no-op
 * that returns the recorded membership and publishes nothing.
 */
@ApplicationScoped
public class CollaborationService {

    private static final Logger LOG = Logger.getLogger(CollaborationService.class);

    @Inject
    Outbox outbox;

    @Transactional
    public Collaboration register(UUID id, CollaborationRequest request) {
        if (request.validFrom() != null && request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw RuleException.broken("validTo", "must not be before validFrom");
        }
        if (request.hostOrganizationId() != null && Organization.findById(request.hostOrganizationId()) == null) {
            throw RuleException.broken("hostOrganizationId", "organization " + request.hostOrganizationId()
                    + " does not exist");
        }
        if (Collaboration.count("lower(name) = lower(?1)", request.name().strip()) > 0) {
            throw RuleException.conflict("a collaboration named " + request.name().strip() + " exists");
        }
        var collaboration = new Collaboration();
        collaboration.id = id;
        collaboration.name = request.name().strip();
        collaboration.shortName = request.shortName();
        collaboration.purpose = request.purpose();
        collaboration.hostOrganizationId = request.hostOrganizationId();
        collaboration.validFrom = request.validFrom();
        collaboration.validTo = request.validTo();
        collaboration.persist();
        outbox.publish(new CollaborationRegistered(id, collaboration.name, collaboration.shortName,
                collaboration.hostOrganizationId));
        return collaboration;
    }

    public Collaboration get(UUID id) {
        return Collaboration.<Collaboration>findByIdOptional(id)
                .orElseThrow(() -> RuleException.unknown("collaboration", id));
    }

    public Page<Collaboration> list(int page, int size) {
        var query = Collaboration.<Collaboration>findAll(Sort.by("name"));
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Adds a terms version; it applies to notices given from its valid-from. */
    @Transactional
    public CollaborationTerms addTerms(UUID collaborationId, TermsRequest request) {
        get(collaborationId);
        if (CollaborationTerms.count("collaborationId = ?1 and validFrom = ?2", collaborationId,
                request.validFrom()) > 0) {
            throw RuleException.conflict("collaboration " + collaborationId + " has a terms version valid from "
                    + request.validFrom());
        }
        if (CollaborationTerms.count("collaborationId = ?1 and version = ?2", collaborationId,
                request.version()) > 0) {
            throw RuleException.conflict("collaboration " + collaborationId + " has terms version "
                    + request.version());
        }
        var rules = request.transitionalRules() == null ? List.<TransitionalRule>of() : request.transitionalRules();
        for (var rule : rules) {
            if (rule.noticeOnOrBefore() == null || rule.effective() == null
                    || rule.effective().isBefore(rule.noticeOnOrBefore())) {
                throw RuleException.broken("transitionalRules", "each transitional rule needs noticeOnOrBefore and an "
                        + "effective date not before it");
            }
        }
        var terms = new CollaborationTerms();
        terms.id = UUID.randomUUID();
        terms.collaborationId = collaborationId;
        terms.version = request.version().strip();
        terms.validFrom = request.validFrom();
        terms.description = request.description();
        terms.noticeMonths = request.noticeMonths();
        terms.noticeCountedFrom = request.noticeCountedFrom();
        // Stored in the order they are checked: the earliest deadline first.
        terms.transitionalRules = new MembershipTerms(terms.noticeMonths, terms.noticeCountedFrom, rules)
                .transitionalRules();
        terms.budgetMode = request.budgetMode();
        terms.decision = DecisionRef.of(request.decision());
        terms.persist();
        outbox.publish(new CollaborationTermsChanged(collaborationId, terms.id, terms.version, terms.validFrom,
                terms.noticeMonths, terms.budgetMode.name(), request.decision()));
        return terms;
    }

    public List<CollaborationTerms> terms(UUID collaborationId) {
        get(collaborationId);
        return CollaborationTerms.of(collaborationId);
    }

    public CollaborationTerms termsVersion(UUID collaborationId, UUID termsId) {
        return CollaborationTerms.<CollaborationTerms>findByIdOptional(termsId)
                .filter(terms -> terms.collaborationId.equals(collaborationId))
                .orElseThrow(() -> RuleException.unknown("terms of collaboration " + collaborationId, termsId));
    }

    public CollaborationTerms termsInForce(UUID collaborationId, LocalDate on) {
        return MembershipTerms.inForce(terms(collaborationId), t -> t.validFrom, on)
                .orElseThrow(() -> RuleException.unknown("terms in force on " + on + " of collaboration",
                        collaborationId));
    }

    /**
     * The organization joins on {@code joinedOn} (it pays from the first of that month). A join whose
     * decision id is already recorded for this organization returns that membership unchanged.
     */
    @Transactional
    public CollaborationMembership join(UUID collaborationId, UUID organizationId, LocalDate joinedOn,
            DecisionReference decision) {
        get(collaborationId);
        if (Organization.findById(organizationId) == null) {
            throw RuleException.broken("organizationId", "organization " + organizationId + " does not exist");
        }
        if (decision != null) {
            var recorded = CollaborationMembership.<CollaborationMembership>find(
                    "collaborationId = ?1 and organizationId = ?2 and joinDecision.decisionId = ?3", collaborationId,
                    organizationId, decision.decisionId()).firstResultOptional();
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        var latest = CollaborationMembership.latest(collaborationId, organizationId);
        if (latest.isPresent() && !latest.get().exitedBy(joinedOn)) {
            throw RuleException.conflict("organization " + organizationId + " is a member of collaboration "
                    + collaborationId + " on " + joinedOn, Map.of("membershipId", latest.get().id));
        }
        var membership = CollaborationMembership.joining(collaborationId, organizationId, joinedOn, decision);
        membership.persist();
        outbox.publish(new CollaborationMemberJoined(collaborationId, organizationId, membership.id, joinedOn,
                decision));
        LOG.infof("organization %s joined collaboration %s on %s", organizationId, collaborationId, joinedOn);
        return membership;
    }

    /**
     * The member gives notice on {@code noticeGiven}; the exit date follows from the terms version in
     * force on that date. A withdrawal whose decision id is already recorded for this member returns the
     * recorded membership unchanged, so a redelivered decision is harmless; any other second notice
     * while one is pending is a conflict.
     */
    @Transactional
    public CollaborationMembership withdraw(UUID collaborationId, UUID organizationId, LocalDate noticeGiven,
            DecisionReference decision, String reason) {
        get(collaborationId);
        if (decision != null) {
            var recorded = CollaborationMembership.<CollaborationMembership>find(
                    "collaborationId = ?1 and organizationId = ?2 and withdrawalDecision.decisionId = ?3",
                    collaborationId, organizationId, decision.decisionId()).firstResultOptional();
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        var membership = CollaborationMembership.latest(collaborationId, organizationId)
                .orElseThrow(() -> RuleException.broken("organizationId", "organization " + organizationId
                        + " is not a member of collaboration " + collaborationId));
        var terms = membership.giveNotice(noticeGiven, CollaborationTerms.of(collaborationId), decision, reason);
        outbox.publish(new CollaborationMemberWithdrew(collaborationId, organizationId, membership.id, noticeGiven,
                membership.effectiveExit, terms.id, terms.version, decision, reason));
        LOG.infof("organization %s gave notice to collaboration %s on %s, exit %s (terms %s)", organizationId,
                collaborationId, noticeGiven, membership.effectiveExit, terms.version);
        return membership;
    }

    /** Withdraws a pending notice before it takes effect: the member stays, with no exit date. */
    @Transactional
    public CollaborationMembership revokeWithdrawal(UUID collaborationId, UUID organizationId, LocalDate revokedOn) {
        get(collaborationId);
        var membership = CollaborationMembership.latest(collaborationId, organizationId)
                .orElseThrow(() -> RuleException.broken("organizationId", "organization " + organizationId
                        + " is not a member of collaboration " + collaborationId));
        var cancelledExit = membership.revokeNotice(revokedOn);
        outbox.publish(new CollaborationWithdrawalRevoked(collaborationId, organizationId, membership.id, revokedOn,
                cancelledExit));
        LOG.infof("organization %s revoked its notice to collaboration %s on %s", organizationId, collaborationId,
                revokedOn);
        return membership;
    }

    /** Members in force on a date, or every membership ever when {@code on} is null. */
    public List<CollaborationMembership> members(UUID collaborationId, LocalDate on) {
        get(collaborationId);
        return on == null ? CollaborationMembership.all(collaborationId)
                : CollaborationMembership.inForce(collaborationId, on);
    }

    public CollaborationMembership membership(UUID collaborationId, UUID organizationId) {
        get(collaborationId);
        return CollaborationMembership.latest(collaborationId, organizationId)
                .orElseThrow(() -> RuleException.unknown("membership of collaboration " + collaborationId
                        + " for organization", organizationId));
    }

    /** The names of the memberships' organizations, by id, in one query. */
    public Map<UUID, String> organizationNames(List<CollaborationMembership> memberships) {
        var ids = memberships.stream().map(m -> m.organizationId).distinct().toList();
        return ids.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, o -> o.name));
    }

    /** The version labels of the terms the memberships' exits were computed from, by terms id, in one query. */
    public Map<UUID, String> termsLabels(List<CollaborationMembership> memberships) {
        var ids = memberships.stream().map(m -> m.termsId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : CollaborationTerms.<CollaborationTerms>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.version));
    }
}
