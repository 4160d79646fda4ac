package dk.kdnet.economy.scheme;

import dk.kdnet.economy.financing.Component;
import dk.kdnet.economy.financing.Correction;
import dk.kdnet.economy.financing.FinancingScheme;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.financing.Member;
import dk.kdnet.economy.financing.PopulationFigure;
import dk.kdnet.economy.scheme.SchemeParts.StoredComponent;
import dk.kdnet.economy.scheme.SchemeParts.StoredCorrection;
import dk.kdnet.economy.scheme.SchemeParts.StoredMember;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Turns stored scheme parts into the calculation's {@link FinancingScheme}. Pure. */
public final class EngineSchemes {

    private EngineSchemes() {}

    public static FinancingScheme of(Scheme scheme) {
        return of(scheme.ownerId, scheme.year, scheme.budgetMode, scheme.rounding, scheme.sharedTotal,
                scheme.indexation, scheme.storedComponents(), scheme.storedMembers(), scheme.storedCorrections());
    }

    public static FinancingScheme of(UUID ownerId, int year, dk.kdnet.economy.financing.BudgetMode mode,
            dk.kdnet.economy.financing.RoundingPolicy rounding, BigDecimal sharedTotal, BigDecimal indexation,
            List<StoredComponent> components, List<StoredMember> members, List<StoredCorrection> corrections) {
        var populationDate = populationDate(components);
        var parts = new ArrayList<Component>();
        for (var i = 0; i < components.size(); i++) {
            parts.add(component(components.get(i), "components[" + i + "]"));
        }
        var engineMembers = members.stream().map(m -> member(m, populationDate)).toList();
        var engineCorrections = corrections.stream()
                .map(c -> new Correction(c.amount(), c.basis(), c.reason()))
                .toList();
        return new FinancingScheme(ownerId.toString(), year, mode, rounding,
                sharedTotal == null ? BigDecimal.ZERO : sharedTotal, parts, engineMembers,
                indexation == null ? BigDecimal.ONE : indexation, engineCorrections);
    }

    /** The population reference date of the components that need one, or null. */
    public static LocalDate populationDate(List<StoredComponent> components) {
        return components.stream()
                .filter(c -> c.kind() == SchemeParts.Kind.BY_POPULATION || c.kind() == SchemeParts.Kind.PER_CAPITA)
                .map(StoredComponent::referenceDate)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** An approved member, charged by the population stored with it (given, or recorded when defined). */
    public static Member member(StoredMember spec, LocalDate populationDate) {
        var member = new Member(spec.organizationId().toString(), null, spec.units(), spec.previousCharge(),
                spec.joinedOn(), spec.exit());
        if (spec.population() == null || populationDate == null) {
            return member;
        }
        var source = spec.populationSource() == null ? PopulationFigure.Source.GIVEN : spec.populationSource();
        return member.withPopulation(new PopulationFigure(spec.population(), populationDate, source, null));
    }

    private static Component component(StoredComponent spec, String field) {
        return switch (spec.kind()) {
            case FIXED_AMOUNT -> new Component.FixedAmount(party(spec, field), spec.amount());
            case EQUAL_SHARE -> new Component.EqualShare(spec.percent());
            case BY_POPULATION -> new Component.ByPopulation(spec.percent(), spec.referenceDate());
            case BY_UNITS -> new Component.ByUnits(spec.percent());
            case PREVIOUS_YEAR_PROPORTIONAL -> new Component.PreviousYearProportional(spec.percent());
            case PER_CAPITA -> new Component.PerCapita(spec.rate(), spec.referenceDate());
            case RATIO_OF_TOTAL -> new Component.RatioOfTotal(party(spec, field), spec.numerator(),
                    spec.denominator());
            case MATCHING -> Component.RatioOfTotal.matching(party(spec, field));
        };
    }

    private static String party(StoredComponent spec, String field) {
        if (spec.organizationId() == null) {
            throw new InvalidSchemeException(field + ".organizationId", "names no organization");
        }
        return spec.organizationId().toString();
    }
}
