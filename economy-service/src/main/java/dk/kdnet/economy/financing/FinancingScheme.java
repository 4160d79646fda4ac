package dk.kdnet.economy.financing;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.ByUnits;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.FixedAmount;
import dk.kdnet.economy.financing.Component.PerCapita;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import dk.kdnet.economy.financing.Component.RatioOfTotal;
import dk.kdnet.economy.financing.Component.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the cost of a collaboration (or of KD-Net itself) for a year is split, as approved.
 *
 * @param owner the collaboration or body the scheme finances
 * @param sharedTotal the amount the {@link Share} components split among the members, before
 *     indexation (GovTech 2024: the municipal total 2,484,444); zero when no component shares it
 * @param members the members the budget was approved with; their keys fix the unit prices of a
 *     VARIABLE scheme
 * @param indexation the factor the amounts are uplifted by (2023: 1.0172); 1 for none
 * @param corrections earlier years' over- or under-charges offset this year
 */
public record FinancingScheme(
        String owner,
        int year,
        BudgetMode budgetMode,
        RoundingPolicy rounding,
        BigDecimal sharedTotal,
        List<Component> components,
        List<Member> members,
        BigDecimal indexation,
        List<Correction> corrections) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FinancingScheme {
        require(owner != null && !owner.isBlank(), "owner", "is blank");
        require(budgetMode != null, "budgetMode", "is missing");
        require(rounding != null, "rounding", "is missing");
        requireNonNegative(sharedTotal, "sharedTotal");
        require(components != null && !components.isEmpty(), "components", "needs at least one component");
        require(members != null, "members", "is missing");
        require(indexation != null && indexation.signum() > 0, "indexation",
                "must be a positive factor (1 for none), was " + indexation);
        require(corrections != null, "corrections", "is missing");
        components = List.copyOf(components);
        members = List.copyOf(members);
        corrections = List.copyOf(corrections);
        checkComponents(components, sharedTotal);
        checkCorrections(corrections);
        checkMembers(members, "members", components, corrections);
        checkCarried(components, members, year, sharedTotal);
    }

    /** A scheme without indexation or corrections. */
    public static FinancingScheme of(
            String owner,
            int year,
            BudgetMode budgetMode,
            RoundingPolicy rounding,
            BigDecimal sharedTotal,
            List<Component> components,
            List<Member> members) {
        return new FinancingScheme(
                owner, year, budgetMode, rounding, sharedTotal, components, members, BigDecimal.ONE, List.of());
    }

    public FinancingScheme withIndexation(BigDecimal factor) {
        return new FinancingScheme(
                owner, year, budgetMode, rounding, sharedTotal, components, members, factor, corrections);
    }

    public FinancingScheme withCorrection(Correction correction) {
        var all = new ArrayList<>(corrections);
        all.add(correction);
        return new FinancingScheme(
                owner, year, budgetMode, rounding, sharedTotal, components, members, indexation, all);
    }

    public FinancingScheme withRounding(RoundingPolicy policy) {
        return new FinancingScheme(
                owner, year, budgetMode, policy, sharedTotal, components, members, indexation, corrections);
    }

    public FinancingScheme withBudgetMode(BudgetMode mode) {
        return new FinancingScheme(
                owner, year, mode, rounding, sharedTotal, components, members, indexation, corrections);
    }

    /** Whether a component charges by population (BY_POPULATION, PER_CAPITA). */
    public boolean chargesByPopulation() {
        return components.stream().anyMatch(c -> c instanceof ByPopulation || c instanceof PerCapita);
    }

    /**
     * Who pays now, the one place that says so for charges and scenarios alike: the approved members with their
     * tenures on the roster (as approved when it has none), then everyone else on the roster with months in the
     * year, except the parties a component charges by name. Each is charged by the population figure
     * {@code population} chooses for it (null: none); a joiner without one is not charged yet.
     */
    public List<Member> currentMembers(Roster roster, Function<Member, PopulationFigure> population) {
        var parties = components.stream().filter(c -> c instanceof Component.Party)
                .map(c -> ((Component.Party) c).organizationId()).collect(Collectors.toSet());
        var current = new ArrayList<Member>();
        var seen = new HashSet<String>();
        for (var member : members) {
            seen.add(member.organizationId());
            current.add(withFigure(member.during(roster.of(member.organizationId())), population));
        }
        for (var tenure : roster.tenures()) {
            var id = tenure.organizationId();
            if (!seen.add(id) || parties.contains(id)) {
                continue;
            }
            var joiner = withFigure(new Member(id, null, BigDecimal.ZERO, BigDecimal.ZERO, null, null)
                    .during(roster.of(id)), population);
            if (joiner.monthsIn(year) > 0 && (joiner.population() != null || !chargesByPopulation())) {
                current.add(joiner);
            }
        }
        return List.copyOf(current);
    }

    private static Member withFigure(Member member, Function<Member, PopulationFigure> population) {
        var figure = population.apply(member);
        return figure == null ? member : member.withPopulation(figure);
    }

    /** Checks a membership the scheme is applied to against what its components need. */
    void checkMembers(List<Member> candidates, String field) {
        require(candidates != null, field, "is missing");
        checkMembers(candidates, field, components, corrections);
    }

    private static void checkComponents(List<Component> components, BigDecimal sharedTotal) {
        var percentSum = BigDecimal.ZERO;
        var shares = 0;
        for (var i = 0; i < components.size(); i++) {
            var field = "components[" + i + "]";
            var component = components.get(i);
            require(component != null, field, "is missing");
            switch (component) {
                case ByPopulation p -> require(p.referenceDate() != null, field + ".referenceDate", "is missing");
                case PerCapita p -> {
                    requireNonNegative(p.rate(), field + ".rate");
                    require(p.referenceDate() != null, field + ".referenceDate", "is missing");
                }
                case FixedAmount f -> {
                    requireOrganization(f.organizationId(), field + ".organizationId");
                    requireNonNegative(f.amount(), field + ".amount");
                }
                case RatioOfTotal r -> {
                    requireOrganization(r.organizationId(), field + ".organizationId");
                    requireNonNegative(r.numerator(), field + ".numerator");
                    require(r.denominator() != null && r.denominator().signum() > 0, field + ".denominator",
                            "must be positive, was " + r.denominator());
                }
                case EqualShare e -> {}
                case ByUnits u -> {}
                case PreviousYearProportional p -> {}
            }
            if (component instanceof Share share) {
                requireNonNegative(share.percent(), field + ".percent");
                percentSum = percentSum.add(share.percent());
                shares++;
            }
        }
        if (shares > 0) {
            require(percentSum.compareTo(HUNDRED) == 0, "components.percent",
                    "the shares of the shared total sum to " + percentSum.toPlainString() + " %, must be 100 %");
        } else {
            require(sharedTotal.signum() == 0, "sharedTotal",
                    sharedTotal.toPlainString() + " kr but no component shares it");
        }
    }

    private static void checkCorrections(List<Correction> corrections) {
        for (var i = 0; i < corrections.size(); i++) {
            var field = "corrections[" + i + "]";
            var correction = corrections.get(i);
            require(correction != null, field, "is missing");
            require(correction.amount() != null, field + ".amount", "is missing");
            require(correction.basis() != null, field + ".basis", "is missing");
        }
    }

    private static void checkMembers(
            List<Member> members, String field, List<Component> components, List<Correction> corrections) {
        var seen = new HashSet<String>();
        var needsPreviousCharge = components.stream().anyMatch(c -> c instanceof PreviousYearProportional)
                || corrections.stream().anyMatch(c -> c.basis() == Correction.Basis.PREVIOUS_YEAR_CHARGES);
        for (var member : members) {
            require(member != null, field, "contains a missing member");
            requireOrganization(member.organizationId(), field + "[].organizationId");
            var at = field + "[" + member.organizationId() + "]";
            require(seen.add(member.organizationId()), at, "listed twice");
            for (var component : components) {
                switch (component) {
                    case ByPopulation p -> requirePopulation(member, at, p.kind(), p.referenceDate());
                    case PerCapita p -> requirePopulation(member, at, p.kind(), p.referenceDate());
                    case ByUnits u -> {
                        require(member.units() != null, at + ".units", "is missing; BY_UNITS needs a units key");
                        requireNonNegative(member.units(), at + ".units");
                    }
                    default -> {}
                }
            }
            if (needsPreviousCharge) {
                require(member.previousCharge() != null, at + ".previousCharge",
                        "is missing; the scheme distributes by last year's charges");
                requireNonNegative(member.previousCharge(), at + ".previousCharge");
            }
            require(member.joined() == null || member.exit() == null || member.exit().isAfter(member.joined()),
                    at + ".exit", member.exit() + " is not after joining on " + member.joined());
        }
    }

    private static void requirePopulation(Member member, String at, String kind, LocalDate referenceDate) {
        var population = member.population();
        require(population != null, at + ".population",
                "is missing; " + kind + " needs the population on " + referenceDate);
        require(referenceDate.equals(population.referenceDate()), at + ".population",
                "is from " + population.referenceDate() + "; " + kind + " needs the population on " + referenceDate);
        require(population.count() >= 0, at + ".population", "is negative: " + population.count());
    }

    // A share with money to split needs someone to carry it, or the approved total would vanish.
    private static void checkCarried(
            List<Component> components, List<Member> members, int year, BigDecimal sharedTotal) {
        for (var i = 0; i < components.size(); i++) {
            if (components.get(i) instanceof Share share && sharedTotal.multiply(share.percent()).signum() > 0) {
                var carried = members.stream()
                        .anyMatch(m -> m.monthsIn(year) > 0 && ChargeCalculator.key(share, m).signum() > 0);
                require(carried, "components[" + i + "]",
                        share.kind() + " has no member to carry it in " + year);
            }
        }
    }

    private static void requireOrganization(String organizationId, String field) {
        require(organizationId != null && !organizationId.isBlank(), field, "names no organization");
    }

    private static void requireNonNegative(BigDecimal value, String field) {
        require(value != null, field, "is missing");
        require(value.signum() >= 0, field, "must not be negative, was " + value.toPlainString());
    }

    private static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidSchemeException(field, problem);
        }
    }
}
