package dk.kdnet.economy.financing;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.ByUnits;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.FixedAmount;
import dk.kdnet.economy.financing.Component.Keyed;
import dk.kdnet.economy.financing.Component.Party;
import dk.kdnet.economy.financing.Component.PerCapita;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import dk.kdnet.economy.financing.Component.RatioOfTotal;
import dk.kdnet.economy.financing.Component.Share;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/** Computes the charges of a financing scheme. Pure: same scheme and members, same charges. */
public final class ChargeCalculator {

    private static final int FULL_YEAR = 12;
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(FULL_YEAR);

    private ChargeCalculator() {}

    /** The charges of the members the scheme was approved with. */
    public static ChargeTable calculate(FinancingScheme scheme) {
        return compute(scheme, scheme.members());
    }

    /**
     * The charges after membership changed since approval. VARIABLE: the unit prices stay those of
     * the approved members, so only the changed members' charges move. FIXED_TOTAL: the approved
     * totals are redistributed among {@code currentMembers}.
     */
    public static ChargeTable calculate(FinancingScheme scheme, List<Member> currentMembers) {
        scheme.checkMembers(currentMembers, "currentMembers");
        return compute(scheme, currentMembers);
    }

    /** What a member carries of a keyed component, before weighting by its months. */
    static BigDecimal key(Keyed component, Member member) {
        return switch (component) {
            case EqualShare e -> BigDecimal.ONE;
            case ByPopulation p -> BigDecimal.valueOf(member.population().count());
            case PerCapita p -> BigDecimal.valueOf(member.population().count());
            case ByUnits u -> member.units();
            case PreviousYearProportional p -> member.previousCharge();
        };
    }

    private static ChargeTable compute(FinancingScheme scheme, List<Member> members) {
        var year = scheme.year();
        var components = scheme.components();
        var approvedTotals = approvedTotals(scheme);
        var rows = new LinkedHashMap<String, Row>();

        for (var member : members) {
            var months = member.monthsIn(year);
            if (months > 0) {
                var row = new Row(member.organizationId(), months, member, new BigDecimal[components.size()]);
                rows.put(member.organizationId(), row);
            }
        }
        for (var i = 0; i < components.size(); i++) {
            switch (components.get(i)) {
                case Keyed keyed -> {
                    var pricedBy = scheme.budgetMode() == BudgetMode.VARIABLE ? scheme.members() : members;
                    var divisor = weightSum(keyed, pricedBy, year);
                    if (divisor.signum() == 0 && approvedTotals.get(i).signum() != 0) {
                        throw new InvalidSchemeException("currentMembers",
                                "no member left to carry " + keyed.kind() + " in " + year);
                    }
                    for (var row : rows.values()) {
                        if (row.member() != null) {
                            var weight = weight(keyed, row.member(), year);
                            row.shares()[i] = weight.signum() == 0
                                    ? BigDecimal.ZERO
                                    : Money.divide(approvedTotals.get(i).multiply(weight), divisor);
                        }
                    }
                }
                case Party party -> {
                    // A party outside the membership pays for the whole year.
                    var row = rows.computeIfAbsent(party.organizationId(),
                            id -> new Row(id, FULL_YEAR, null, new BigDecimal[components.size()]));
                    row.shares()[i] = approvedTotals.get(i);
                }
            }
        }
        return table(scheme, List.copyOf(rows.values()));
    }

    // Totals before indexation; a ratio applies to the approved total of the other components, so
    // in VARIABLE mode the region's charge stays put when a municipality leaves (25 Aug 2023, item 57).
    private static List<BigDecimal> approvedTotals(FinancingScheme scheme) {
        var totals = new ArrayList<BigDecimal>();
        var others = BigDecimal.ZERO;
        for (var component : scheme.components()) {
            var total = switch (component) {
                case Share share -> scheme.sharedTotal().multiply(share.percent()).movePointLeft(2);
                case PerCapita perCapita -> Money.divide(
                        perCapita.rate().multiply(weightSum(perCapita, scheme.members(), scheme.year())),
                        MONTHS_PER_YEAR);
                case FixedAmount fixed -> fixed.amount();
                case RatioOfTotal ratio -> BigDecimal.ZERO;
            };
            others = others.add(total);
            totals.add(total);
        }
        for (var i = 0; i < totals.size(); i++) {
            if (scheme.components().get(i) instanceof RatioOfTotal ratio) {
                totals.set(i, Money.divide(others.multiply(ratio.numerator()), ratio.denominator()));
            }
        }
        return totals;
    }

    private static BigDecimal weight(Keyed component, Member member, int year) {
        return key(component, member).multiply(BigDecimal.valueOf(member.monthsIn(year)));
    }

    private static BigDecimal weightSum(Keyed component, List<Member> members, int year) {
        return members.stream().map(m -> weight(component, m, year)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static ChargeTable table(FinancingScheme scheme, List<Row> rows) {
        var indexed = rows.stream().map(row -> indexed(row, scheme.indexation())).toList();
        var corrections = corrections(scheme, rows, indexed);
        var exactRows = new ArrayList<BigDecimal>();
        for (var r = 0; r < rows.size(); r++) {
            exactRows.add(sum(indexed.get(r)).add(corrections[r]));
        }
        var exactTotal = Money.settle(sum(exactRows));
        var total = Money.kroner(exactTotal);
        var amounts = scheme.rounding().round(exactRows.stream().map(Money::settle).toList(), total);

        var charges = new ArrayList<Charge>();
        for (var r = 0; r < rows.size(); r++) {
            charges.add(charge(scheme, rows.get(r), indexed.get(r), corrections[r], exactRows.get(r), amounts.get(r)));
        }
        var sumOfRows = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ChargeTable(scheme.owner(), scheme.year(), charges, componentTotals(scheme, indexed), exactTotal,
                total, sumOfRows);
    }

    private static Charge charge(FinancingScheme scheme, Row row, BigDecimal[] indexed, BigDecimal correction,
            BigDecimal exactRow, BigDecimal amount) {
        var shares = new ArrayList<Charge.ComponentShare>();
        for (var i = 0; i < indexed.length; i++) {
            if (indexed[i] != null) {
                var exact = Money.settle(indexed[i]);
                shares.add(new Charge.ComponentShare(scheme.components().get(i), exact, Money.kroner(exact)));
            }
        }
        var exact = Money.settle(exactRow);
        return new Charge(
                row.organizationId(),
                row.months(),
                population(scheme, row.member()),
                shares,
                scheme.indexation(),
                Money.settle(sum(indexed).subtract(sum(row.shares()))),
                Money.settle(correction),
                exact,
                amount,
                amount.subtract(exact));
    }

    private static List<ChargeTable.ComponentTotal> componentTotals(
            FinancingScheme scheme, List<BigDecimal[]> indexed) {
        var totals = new ArrayList<ChargeTable.ComponentTotal>();
        for (var i = 0; i < scheme.components().size(); i++) {
            var exact = BigDecimal.ZERO;
            var sumOfRows = BigDecimal.ZERO;
            for (var row : indexed) {
                if (row[i] != null) {
                    exact = exact.add(row[i]);
                    sumOfRows = sumOfRows.add(Money.kroner(row[i]));
                }
            }
            var settled = Money.settle(exact);
            totals.add(new ChargeTable.ComponentTotal(
                    scheme.components().get(i), settled, Money.kroner(settled), sumOfRows));
        }
        return totals;
    }

    private static BigDecimal[] indexed(Row row, BigDecimal factor) {
        var shares = row.shares();
        var indexed = new BigDecimal[shares.length];
        for (var i = 0; i < shares.length; i++) {
            indexed[i] = shares[i] == null ? null : shares[i].multiply(factor);
        }
        return indexed;
    }

    // Corrections are kroner already charged, so they are not indexed; they are spread over the
    // paying members in proportion to the basis (GovTech 2023: the 2022 charges).
    private static BigDecimal[] corrections(FinancingScheme scheme, List<Row> rows, List<BigDecimal[]> indexed) {
        var shares = new BigDecimal[rows.size()];
        Arrays.fill(shares, BigDecimal.ZERO);
        for (var c = 0; c < scheme.corrections().size(); c++) {
            var correction = scheme.corrections().get(c);
            var basis = new BigDecimal[rows.size()];
            for (var r = 0; r < rows.size(); r++) {
                var member = rows.get(r).member();
                basis[r] = switch (correction.basis()) {
                    case PREVIOUS_YEAR_CHARGES -> member == null ? BigDecimal.ZERO : member.previousCharge();
                    case CURRENT_SHARES -> sum(indexed.get(r));
                };
            }
            var basisSum = sum(basis);
            if (basisSum.signum() == 0) {
                if (correction.amount().signum() != 0) {
                    throw new InvalidSchemeException("corrections[" + c + "]", "no paying member to offset it over");
                }
                continue;
            }
            for (var r = 0; r < rows.size(); r++) {
                shares[r] = shares[r].add(Money.divide(correction.amount().multiply(basis[r]), basisSum));
            }
        }
        return shares;
    }

    private static PopulationFigure population(FinancingScheme scheme, Member member) {
        var used = member != null && scheme.components().stream()
                .anyMatch(c -> c instanceof ByPopulation || c instanceof PerCapita);
        return used ? member.population() : null;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        return sum(Arrays.asList(values));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A paying organization's unindexed component shares (null where a component does not apply). */
    private record Row(String organizationId, int months, Member member, BigDecimal[] shares) {}
}
