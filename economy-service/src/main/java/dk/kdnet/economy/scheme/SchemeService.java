package dk.kdnet.economy.scheme;

import dk.kdnet.economy.Json;
import dk.kdnet.economy.financing.ChargeCalculator;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.organization.Population;
import dk.kdnet.economy.scheme.SchemeApi.MemberSpec;
import dk.kdnet.economy.scheme.SchemeApi.SchemeRequest;
import dk.kdnet.economy.scheme.Scheme.Status;
import dk.kdnet.economy.scheme.SchemeParts.StoredComponent;
import dk.kdnet.economy.scheme.SchemeParts.StoredCorrection;
import dk.kdnet.economy.scheme.SchemeParts.StoredMember;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import dk.kdnet.economy.financing.FinancingScheme;
import dk.kdnet.economy.financing.PopulationBasis;
import dk.kdnet.economy.financing.PopulationFigure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Financing schemes: drafted, validated against the calculation's rules, approved, and changed. */
@ApplicationScoped
public class SchemeService {

    @Inject
    Event<SchemeDefined> defined;

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
            defined.fire(new SchemeDefined(scheme, false, null));
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
        defined.fire(new SchemeDefined(scheme, true, decision));
        return scheme;
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
            parameters.put("approved", Status.APPROVED);
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

    /**
     * A scheme as a request defines it, checked by the calculation's rules and the population basis: the members
     * with the population each is charged by at approval, and the calculation's form. What a change stores, and
     * what a scenario runs, so both refuse alike.
     */
    public record Definition(List<StoredComponent> components, List<StoredMember> members,
            List<StoredCorrection> corrections, LocalDate populationDate, FinancingScheme engine) {}

    public Definition definition(SchemeRequest request, boolean trusted) {
        return definition(request, trusted, Map.of());
    }

    /** As {@link #definition(SchemeRequest, boolean)}, with figures recorded since (a scenario's) over the stored. */
    public Definition definition(SchemeRequest request, boolean trusted, Map<Population.Key, Long> recordedSince) {
        var components = SchemeParts.components(request.components());
        var populationDate = EngineSchemes.populationDate(components);
        var members = withPopulations(nullToEmpty(request.members()), populationDate, request.basis(),
                recordedSince);
        var corrections = SchemeParts.corrections(nullToEmpty(request.corrections()));
        if (!trusted) {
            requireKnownOrganizations(request, members);
        }
        try {
            var engine = EngineSchemes.of(request.ownerId(), request.year(), request.budgetMode(), request.rounding(),
                    request.sharedTotal(), request.indexation(), components, members, corrections);
            ChargeCalculator.calculate(engine);
            return new Definition(components, members, corrections, populationDate, engine);
        } catch (InvalidSchemeException e) {
            throw new RuleViolation(e.field(), e.getMessage());
        }
    }

    private void define(Scheme scheme, SchemeRequest request, boolean trusted) {
        var definition = definition(request, trusted);
        scheme.ownerKind = request.ownerKind();
        scheme.ownerId = request.ownerId();
        scheme.name = request.name();
        scheme.year = request.year();
        scheme.budgetMode = request.budgetMode();
        scheme.rounding = request.rounding();
        scheme.sharedTotal = request.sharedTotal() == null ? BigDecimal.ZERO : request.sharedTotal();
        scheme.indexation = request.indexation() == null ? BigDecimal.ONE : request.indexation();
        scheme.populationBasis = request.basis();
        scheme.populationDate = definition.populationDate();
        scheme.components = Json.write(definition.components());
        scheme.members = Json.write(definition.members());
        scheme.corrections = Json.write(definition.corrections());
    }

    /** The scheme as a request that defines it again unchanged (populations taken from groups-service left out). */
    public static SchemeRequest request(Scheme scheme) {
        return new SchemeRequest(scheme.ownerKind, scheme.ownerId, scheme.name, scheme.year, scheme.budgetMode,
                scheme.rounding, scheme.sharedTotal, scheme.indexation,
                SchemeParts.componentSpecs(scheme.storedComponents()), SchemeParts.memberSpecs(scheme.storedMembers()),
                SchemeParts.correctionSpecs(scheme.storedCorrections()), scheme.basis());
    }

    /**
     * Each member with the population it is charged by at approval: the one given (which under RECORDED must equal
     * groups-service's, if recorded), else groups-service's, marked by source. A population given for a scheme that
     * charges by none is refused rather than ignored.
     */
    private static List<StoredMember> withPopulations(List<MemberSpec> members, LocalDate date, PopulationBasis basis,
            Map<Population.Key, Long> recordedSince) {
        var ids = members.stream().map(MemberSpec::organizationId).filter(java.util.Objects::nonNull).toList();
        var recorded = new java.util.HashMap<UUID, Long>();
        if (date != null && !ids.isEmpty()) {
            Population.<Population>list("organizationId in ?1 and referenceDate = ?2", ids, date)
                    .forEach(p -> recorded.put(p.organizationId, p.count));
        }
        recordedSince.forEach((key, count) -> {
            if (key.referenceDate().equals(date)) {
                recorded.put(key.organizationId(), count);
            }
        });
        var result = new ArrayList<StoredMember>();
        for (var i = 0; i < members.size(); i++) {
            var m = members.get(i);
            var field = "members[" + i + "].population";
            var given = m.givenPopulation();
            if (date == null) {
                if (given != null) {
                    throw new RuleViolation(field, "no component charges by population; leave it out");
                }
                result.add(new StoredMember(m.organizationId(), null, null, m.units(), m.previousCharge(),
                        m.joinedOn(), m.exit()));
                continue;
            }
            var known = recorded.get(m.organizationId());
            try {
                basis.check(field, given, known, date);
            } catch (InvalidSchemeException e) {
                throw new RuleViolation(e.field(), e.getMessage());
            }
            var population = given != null ? given : known;
            var source = given != null ? PopulationFigure.Source.GIVEN
                    : known != null ? PopulationFigure.Source.RECORDED : null;
            result.add(new StoredMember(m.organizationId(), population, source, m.units(), m.previousCharge(),
                    m.joinedOn(), m.exit()));
        }
        return result;
    }

    private static void requireKnownOrganizations(SchemeRequest request, List<StoredMember> members) {
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
