package dk.kdnet.economy.financing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scheme's charges follow from, as values: the scheme, its roster, the population figures recorded
 * for its reference date and any given for a member outside the scheme's table. The real path loads one and
 * calculates; a scenario changes a copy the same way and calculates the same way.
 *
 * @param recorded groups-service's figures for {@code populationDate}, by organization
 * @param given figures given for organizations outside the scheme's members (a scenario's joiner)
 */
public record Situation(FinancingScheme scheme, PopulationBasis basis, LocalDate populationDate, Roster roster,
        Map<String, Long> recorded, Map<String, Long> given) {

    public Situation {
        recorded = Map.copyOf(recorded);
        given = Map.copyOf(given);
    }

    public Situation withScheme(FinancingScheme changed, PopulationBasis changedBasis, LocalDate changedDate) {
        return new Situation(changed, changedBasis, changedDate, roster, recorded, given);
    }

    public Situation withRoster(Roster changed) {
        return new Situation(scheme, basis, populationDate, changed, recorded, given);
    }

    /** groups-service records a figure; one for another date than the scheme's changes nothing. */
    public Situation recording(String organizationId, LocalDate date, long count) {
        if (!date.equals(populationDate)) {
            return this;
        }
        var changed = new HashMap<>(recorded);
        changed.put(organizationId, count);
        return new Situation(scheme, basis, populationDate, roster, changed, given);
    }

    /** A figure given for one organization, refused under RECORDED when it differs from the recorded one. */
    public Situation giving(String field, String organizationId, long count) {
        if (populationDate == null) {
            throw new InvalidSchemeException(field, "no component charges by population; leave it out");
        }
        basis.check(field, count, recorded.get(organizationId), populationDate);
        var changed = new HashMap<>(given);
        changed.put(organizationId, count);
        return new Situation(scheme, basis, populationDate, roster, recorded, changed);
    }

    public List<Member> currentMembers() {
        return scheme.currentMembers(roster, this::figure);
    }

    public ChargeTable calculate() {
        return ChargeCalculator.calculate(scheme, currentMembers());
    }

    private PopulationFigure figure(Member member) {
        if (populationDate == null) {
            return member.population();
        }
        var id = member.organizationId();
        var stored = given.containsKey(id) ? new PopulationFigure(given.get(id), populationDate) : member.population();
        return basis.choose(stored, recorded.get(id), populationDate);
    }
}
