package dk.kdnet.economy.scheme;

import dk.kdnet.economy.Json;
import dk.kdnet.economy.charge.Cause;
import dk.kdnet.economy.charge.ChargeService;
import dk.kdnet.economy.financing.ChargeCalculator;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.organization.Population;
import dk.kdnet.economy.scheme.SchemeApi.MemberSpec;
import dk.kdnet.economy.scheme.SchemeApi.SchemeRequest;
import dk.kdnet.economy.scheme.SchemeApi.Status;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Financing schemes: drafted, validated against the calculation's rules, approved, and changed. */
@ApplicationScoped
public class SchemeService {

    @Inject
    ChargeService charges;

    public record Listing(List<Scheme> items, long total) {}

    /**
     * Drafts a scheme. Organizations must be known from groups-service unless {@code trusted} (reference data,
     * loaded before groups-service's events arrive).
     */
    @Transactional
    public Scheme create(UUID id, SchemeRequest request, boolean trusted) {
        var scheme = new Scheme();
        scheme.id = id;
        scheme.status = Status.DRAFT;
        scheme.createdAt = Instant.now();
        define(scheme, request, trusted);
        scheme.persist();
        return scheme;
    }

    /**
     * Replaces a scheme's definition if it is still the version the caller read ({@code ifMatch}); an approved
     * scheme's charges follow at once.
     */
    @Transactional
    public Scheme update(UUID id, String ifMatch, SchemeRequest request) {
        var scheme = get(id);
        ETags.requireMatch(ifMatch, scheme.version);
        define(scheme, request, false);
        if (scheme.status == Status.APPROVED) {
            charges.recalculate(List.of(scheme), Cause.schemeChanged());
        }
        return scheme;
    }

    @Transactional
    public Scheme approve(UUID id, DecisionReference decision) {
        var scheme = get(id);
        if (scheme.status != Status.DRAFT) {
            throw new Conflict("scheme " + id + " is " + scheme.status + "; only a DRAFT can be approved",
                    Map.of("status", scheme.status.name()));
        }
        scheme.status = Status.APPROVED;
        scheme.approvedAt = Instant.now();
        charges.recalculate(List.of(scheme), Cause.schemeApproved(decision));
        return scheme;
    }

    /** The scheme's current charges as a contribution table, payers only, largest first. */
    public ContributionTable contributions(Scheme scheme) {
        var stored = dk.kdnet.economy.charge.Charge.<dk.kdnet.economy.charge.Charge>list(
                "schemeId = ?1 and months > 0 order by amount desc, organizationId", scheme.id);
        var names = dk.kdnet.economy.charge.ChargeResource.names(stored.stream().map(c -> c.organizationId).toList());
        var lines = stored.stream().map(c -> new ContributionTable.Line(
                names.getOrDefault(c.organizationId, c.organizationId.toString()), c.amount, c.breakdownView()))
                .toList();
        var kinds = scheme.componentSpecs().stream().map(c -> c.kind().name()).toList();
        return ContributionTable.of(scheme.year, kinds, scheme.populationDate != null, lines, scheme.total);
    }

    public Scheme get(UUID id) {
        return Scheme.<Scheme>findByIdOptional(id).orElseThrow(() -> new NotFound("financing scheme", id));
    }

    /** A scheme the caller may read: a draft is internal material, for anyone else it does not exist. */
    public Scheme visible(UUID id, boolean seesInternal) {
        var scheme = get(id);
        if (scheme.status != Status.APPROVED && !seesInternal) {
            throw new NotFound("financing scheme", id);
        }
        return scheme;
    }

    /** Schemes, drafts only when {@code withDrafts} (the caller sees internal material). */
    public Listing list(UUID ownerId, Integer year, boolean withDrafts, int page, int size) {
        var where = new ArrayList<String>();
        var parameters = new java.util.HashMap<String, Object>();
        if (!withDrafts) {
            where.add("status = :approved");
            parameters.put("approved", SchemeApi.Status.APPROVED);
        }
        if (ownerId != null) {
            where.add("ownerId = :owner");
            parameters.put("owner", ownerId);
        }
        if (year != null) {
            where.add("year = :year");
            parameters.put("year", year);
        }
        var query = Scheme.<Scheme>find(String.join(" and ", where), Sort.by("year").and("name"), parameters)
                .page(Page.of(page, size));
        return new Listing(query.list(), query.count());
    }

    private void define(Scheme scheme, SchemeRequest request, boolean trusted) {
        var components = request.components();
        var populationDate = EngineSchemes.populationDate(components);
        var members = withPopulations(nullToEmpty(request.members()), populationDate);
        var corrections = nullToEmpty(request.corrections());
        if (!trusted) {
            requireKnownOrganizations(request, members);
        }
        try {
            var engine = EngineSchemes.of(request.ownerId(), request.year(), request.budgetMode(), request.rounding(),
                    request.sharedTotal(), request.indexation(), components, members, corrections);
            ChargeCalculator.calculate(engine);
        } catch (InvalidSchemeException e) {
            throw new RuleViolation(e.field(), e.getMessage());
        }
        scheme.ownerKind = request.ownerKind();
        scheme.ownerId = request.ownerId();
        scheme.name = request.name();
        scheme.year = request.year();
        scheme.budgetMode = request.budgetMode();
        scheme.rounding = request.rounding();
        scheme.sharedTotal = request.sharedTotal() == null ? java.math.BigDecimal.ZERO : request.sharedTotal();
        scheme.indexation = request.indexation() == null ? java.math.BigDecimal.ONE : request.indexation();
        scheme.populationDate = populationDate;
        scheme.components = Json.write(components);
        scheme.members = Json.write(members);
        scheme.corrections = Json.write(corrections);
    }

    // A member's population left out is the figure groups-service recorded for the scheme's reference date.
    private static List<MemberSpec> withPopulations(List<MemberSpec> members, java.time.LocalDate date) {
        if (date == null) {
            return members;
        }
        return members.stream().map(m -> {
            if (m.population() != null || m.organizationId() == null) {
                return m;
            }
            return Population.<Population>findByIdOptional(new Population.Key(m.organizationId(), date))
                    .map(p -> new MemberSpec(m.organizationId(), p.count, m.units(), m.previousCharge(), m.joinedOn(),
                            m.exit()))
                    .orElse(m);
        }).toList();
    }

    private static void requireKnownOrganizations(SchemeRequest request, List<MemberSpec> members) {
        var named = new ArrayList<Map.Entry<String, UUID>>();
        for (var i = 0; i < members.size(); i++) {
            named.add(Map.entry("members[" + i + "].organizationId", members.get(i).organizationId()));
        }
        for (var i = 0; i < request.components().size(); i++) {
            var party = request.components().get(i).organizationId();
            if (party != null) {
                named.add(Map.entry("components[" + i + "].organizationId", party));
            }
        }
        var ids = named.stream().map(Map.Entry::getValue).filter(java.util.Objects::nonNull).distinct().toList();
        var known = new HashSet<UUID>(ids.isEmpty() ? List.of()
                : Organization.<Organization>list("id in ?1", ids).stream().map(o -> o.id).toList());
        for (var entry : named) {
            if (entry.getValue() != null && !known.contains(entry.getValue())) {
                throw new RuleViolation(entry.getKey(), "unknown organization " + entry.getValue());
            }
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
