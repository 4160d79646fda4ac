package dk.kdnet.economy.scheme;

import dk.kdnet.economy.charge.ChargeResource;
import dk.kdnet.economy.charge.ChargeService;
import dk.kdnet.economy.financing.ChargeCalculator;
import dk.kdnet.economy.financing.ChargeTable;
import dk.kdnet.economy.financing.FinancingScheme;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.financing.Member;
import dk.kdnet.economy.organization.Population;
import dk.kdnet.economy.scheme.ScenarioApi.Change;
import dk.kdnet.economy.scheme.ScenarioApi.Row;
import dk.kdnet.economy.scheme.ScenarioApi.ScenarioView;
import dk.kdnet.problems.ProblemException.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Every member's charge now and under a set of changes, side by side; reads only. */
@ApplicationScoped
public class ScenarioService {

    @Inject
    SchemeService schemes;

    public ScenarioView run(UUID schemeId, List<Change> changes) {
        var scheme = schemes.get(schemeId);
        var inputs = ChargeService.Inputs.load(List.of(scheme));
        var engine = EngineSchemes.of(scheme);
        var members = inputs.currentMembers(engine, scheme);
        var current = ChargeCalculator.calculate(engine, members);

        var changed = engine;
        var changedMembers = new ArrayList<>(members);
        for (var i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            var field = "changes[" + i + "]";
            switch (change.type()) {
                case LEAVE -> leave(changedMembers, change, field);
                case JOIN -> changedMembers.add(joiner(scheme, changedMembers, change, field));
                case TOTAL -> changed = new FinancingScheme(changed.owner(), changed.year(), changed.budgetMode(),
                        changed.rounding(), require(change.sharedTotal(), field + ".sharedTotal"), changed.components(),
                        changed.members(), changed.indexation(), changed.corrections());
                case MODE -> changed = changed.withBudgetMode(require(change.budgetMode(), field + ".budgetMode"));
            }
        }
        ChargeTable scenario;
        try {
            scenario = ChargeCalculator.calculate(changed, changedMembers);
        } catch (InvalidSchemeException e) {
            throw new RuleViolation(e.field(), e.getMessage());
        }
        return view(scheme, engine, changed, current, scenario);
    }

    private static void leave(List<Member> members, Change change, String field) {
        var id = require(change.organizationId(), field + ".organizationId").toString();
        var on = require(change.on(), field + ".on");
        var index = -1;
        for (var m = 0; m < members.size(); m++) {
            if (members.get(m).organizationId().equals(id)) {
                index = m;
            }
        }
        if (index < 0) {
            throw new RuleViolation(field + ".organizationId", id + " is not a member");
        }
        members.set(index, members.get(index).exiting(on));
    }

    private static Member joiner(Scheme scheme, List<Member> members, Change change, String field) {
        var id = require(change.organizationId(), field + ".organizationId");
        var on = require(change.on(), field + ".on");
        if (members.stream().anyMatch(m -> m.organizationId().equals(id.toString()))) {
            throw new RuleViolation(field + ".organizationId", id + " is a member already");
        }
        var joiner = new Member(id.toString(), null, BigDecimal.ZERO, BigDecimal.ZERO, on, null);
        if (scheme.populationDate == null) {
            return joiner;
        }
        var population = change.population() != null ? change.population()
                : Population.<Population>findByIdOptional(new Population.Key(id, scheme.populationDate))
                        .map(p -> p.count)
                        .orElseThrow(() -> new RuleViolation(field + ".population",
                                "no population of " + id + " on " + scheme.populationDate + "; give one"));
        return joiner.withPopulation(population, scheme.populationDate);
    }

    private static ScenarioView view(Scheme scheme, FinancingScheme engine, FinancingScheme changed,
            ChargeTable current, ChargeTable scenario) {
        var organizations = new LinkedHashSet<String>();
        current.charges().forEach(c -> organizations.add(c.organizationId()));
        scenario.charges().forEach(c -> organizations.add(c.organizationId()));
        var ids = organizations.stream().map(UUID::fromString).toList();
        var names = ChargeResource.names(ids);
        var rows = ids.stream().map(id -> {
            var now = amount(current, id);
            var then = amount(scenario, id);
            return new Row(id, names.get(id), now, then, then.subtract(now));
        }).toList();
        return new ScenarioView(scheme.id, scheme.year, engine.budgetMode(), changed.budgetMode(), rows,
                current.total(), scenario.total(), current.sumOfRows(), scenario.sumOfRows());
    }

    private static BigDecimal amount(ChargeTable table, UUID id) {
        return table.pays(id.toString()) ? table.charge(id.toString()).amount() : BigDecimal.ZERO;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new RuleViolation(field, "is required for this change");
        }
        return value;
    }
}
