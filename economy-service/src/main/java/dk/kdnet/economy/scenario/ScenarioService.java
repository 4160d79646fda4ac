package dk.kdnet.economy.scenario;

import dk.kdnet.economy.charge.Breakdown;
import dk.kdnet.economy.charge.ChargeService;
import dk.kdnet.economy.financing.ChargeTable;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.financing.Situation;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.organization.Population;
import dk.kdnet.economy.scenario.ScenarioApi.Change;
import dk.kdnet.economy.scenario.ScenarioApi.Row;
import dk.kdnet.economy.scenario.ScenarioApi.ScenarioView;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeApi.SchemeRequest;
import dk.kdnet.economy.scheme.SchemeService;
import dk.kdnet.problems.Problem;
import dk.kdnet.problems.ProblemException.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every member's charge now and under a sequence of changes, side by side; reads only. The changes are the real
 * rules run on a copy: the roster's for memberships, the population basis for figures, the scheme's definition
 * (as a PUT checks it) for the rest, and the same calculation as the charges.
 */
@ApplicationScoped
public class ScenarioService {

    @Inject
    SchemeService schemes;

    public ScenarioView run(UUID schemeId, List<Change> changes) {
        var scheme = schemes.get(schemeId);
        var now = ChargeService.Inputs.load(List.of(scheme)).situation(scheme);
        var current = calculate(now);

        var definition = SchemeService.request(scheme);
        var situation = now;
        // Figures the scenario records, by organization and reference date, for definitions made after them.
        var recordings = new HashMap<Population.Key, Long>();
        for (var i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            var field = "changes[" + i + "]";
            var membershipId = "scenario-" + i;
            var before = situation;
            var roster = situation.roster();
            situation = switch (change.type()) {
                case LEAVE -> refusing(field, () -> before.withRoster(
                        roster.leave(change.organizationId().toString(), change.on())));
                case JOIN -> {
                    var id = known(change.organizationId(), field);
                    var withFigure = withRecordedFigure(before, change.organizationId());
                    var joined = refusing(field, () -> withFigure.withRoster(roster.join(membershipId, id,
                            change.on())));
                    yield change.population() == null ? joined
                            : refusing(field, () -> joined.giving("population", id, change.population()));
                }
                case REVOKE -> refusing(field, () -> before.withRoster(
                        roster.revoke(change.organizationId().toString())));
                case POPULATION -> {
                    var id = known(change.organizationId(), field);
                    if (change.population() < 0) {
                        throw new RuleViolation(field + ".population", "must not be negative");
                    }
                    recordings.put(new Population.Key(change.organizationId(), change.on()), change.population());
                    yield before.recording(id, change.on(), change.population());
                }
                case TOTAL, MODE, INDEXATION, CORRECTION, COMPONENTS -> {
                    definition = redefined(definition, change);
                    yield defined(before, definition, recordings, field);
                }
            };
        }
        return view(scheme, definition, current, calculate(situation));
    }

    /** The definition changed as a PUT of the scheme would change it. */
    private static SchemeRequest redefined(SchemeRequest d, Change change) {
        var corrections = new ArrayList<>(d.corrections());
        if (change.correction() != null) {
            corrections.add(change.correction());
        }
        return new SchemeRequest(d.ownerKind(), d.ownerId(), d.name(), d.year(),
                change.budgetMode() != null ? change.budgetMode() : d.budgetMode(), d.rounding(),
                change.sharedTotal() != null ? change.sharedTotal() : d.sharedTotal(),
                change.indexation() != null ? change.indexation() : d.indexation(),
                change.components() != null ? change.components() : d.components(), d.members(), corrections,
                d.populationBasis());
    }

    private Situation defined(Situation situation, SchemeRequest request, Map<Population.Key, Long> recordings,
            String field) {
        SchemeService.Definition definition;
        try {
            definition = schemes.definition(request, false, recordings);
        } catch (RuleViolation e) {
            throw new RuleViolation(e.getMessage(), e.errors().stream()
                    .map(error -> new Problem.FieldError(field + "." + error.field(), error.message())).toList());
        }
        var date = definition.populationDate();
        var changed = situation.withScheme(definition.engine(), request.basis(), date);
        if (date != null && !date.equals(situation.populationDate())) {
            // Another reference date: the figures recorded for it, as the real path would load them.
            for (var tenure : situation.roster().tenures()) {
                var id = UUID.fromString(tenure.organizationId());
                var count = recordings.getOrDefault(new Population.Key(id, date),
                        Population.<Population>findByIdOptional(new Population.Key(id, date)).map(p -> p.count)
                                .orElse(null));
                if (count != null) {
                    changed = changed.recording(tenure.organizationId(), date, count);
                }
            }
        }
        return changed;
    }

    /** A joiner's figure recorded for the scheme's date, loaded as the real path loads its members' figures. */
    private static Situation withRecordedFigure(Situation situation, UUID organizationId) {
        var date = situation.populationDate();
        if (date == null || situation.recorded().containsKey(organizationId.toString())) {
            return situation;
        }
        return Population.<Population>findByIdOptional(new Population.Key(organizationId, date))
                .map(p -> situation.recording(organizationId.toString(), date, p.count)).orElse(situation);
    }

    /** An organization groups-service knows, as it requires of a join and of a population figure. */
    private static String known(UUID organizationId, String field) {
        if (Organization.findById(organizationId) == null) {
            throw new RuleViolation(field + ".organizationId", "organization " + organizationId + " does not exist");
        }
        return organizationId.toString();
    }

    private static Situation refusing(String field, Supplier<Situation> change) {
        try {
            return change.get();
        } catch (InvalidSchemeException e) {
            throw new RuleViolation(field + "." + e.field(), e.getMessage());
        }
    }

    private static ChargeTable calculate(Situation situation) {
        try {
            return situation.calculate();
        } catch (InvalidSchemeException e) {
            throw new RuleViolation(e.field(), e.getMessage());
        }
    }

    private static ScenarioView view(Scheme scheme, SchemeRequest changed, ChargeTable current,
            ChargeTable scenario) {
        var organizations = new LinkedHashSet<String>();
        current.charges().forEach(c -> organizations.add(c.organizationId()));
        scenario.charges().forEach(c -> organizations.add(c.organizationId()));
        var ids = organizations.stream().map(UUID::fromString).toList();
        var names = Organization.names(ids);
        var rows = ids.stream().map(id -> {
            var now = amount(current, id);
            var then = amount(scenario, id);
            return new Row(id, names.get(id), now, then, then.subtract(now), breakdown(current, id),
                    breakdown(scenario, id));
        }).toList();
        return new ScenarioView(scheme.id, scheme.year, scheme.budgetMode, changed.budgetMode(), rows,
                current.total(), scenario.total(), current.sumOfRows(), scenario.sumOfRows());
    }

    private static BigDecimal amount(ChargeTable table, UUID id) {
        return table.pays(id.toString()) ? table.charge(id.toString()).amount() : BigDecimal.ZERO;
    }

    private static Breakdown breakdown(ChargeTable table, UUID id) {
        return table.pays(id.toString()) ? Breakdown.of(table.charge(id.toString())) : Breakdown.none();
    }
}
