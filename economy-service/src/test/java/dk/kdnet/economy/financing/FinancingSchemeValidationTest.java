package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.JAN_1_2023;
import static dk.kdnet.economy.financing.Seed.REGION;
import static dk.kdnet.economy.financing.Seed.govTech2024;
import static dk.kdnet.economy.financing.Seed.kr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.ByUnits;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.FixedAmount;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import dk.kdnet.economy.financing.Component.RatioOfTotal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FinancingSchemeValidationTest {

    private static final List<Member> TWO_MEMBERS = List.of(
            Member.of("aarhus").withPopulation(361_544, JAN_1_2023),
            Member.of("hedensted").withPopulation(47_609, JAN_1_2023));

    private static FinancingScheme scheme(List<Component> components, List<Member> members) {
        return FinancingScheme.of("govtech-midtjylland", 2024, BudgetMode.VARIABLE, RoundingPolicy.HALF_UP,
                kr(2_484_444), components, members);
    }

    private static void assertRejected(String field, String problem, Executable building) {
        var rejected = assertThrows(InvalidSchemeException.class, building);
        assertEquals(field, rejected.field());
        assertTrue(rejected.getMessage().contains(problem), rejected.getMessage());
    }

    @Test
    void sharesNotSummingTo100PercentAreRejected() {
        assertRejected("components.percent", "sum to 90 %, must be 100 %", () -> scheme(
                List.of(new EqualShare(kr(25)), new ByPopulation(kr(65), JAN_1_2023)), TWO_MEMBERS));
    }

    @Test
    void aNegativeFixedAmountIsRejected() {
        assertRejected("components[1].amount", "must not be negative", () -> scheme(
                List.of(new EqualShare(kr(100)), new FixedAmount(REGION, kr(-278_757))), TWO_MEMBERS));
    }

    @Test
    void aNegativeSharedTotalIsRejected() {
        assertRejected("sharedTotal", "must not be negative", () -> FinancingScheme.of("klimasamarbejde", 2023,
                BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP, kr(-1_000_000), List.of(new EqualShare(kr(100))),
                TWO_MEMBERS));
    }

    @Test
    void aNegativePercentIsRejected() {
        assertRejected("components[0].percent", "must not be negative", () -> scheme(
                List.of(new EqualShare(kr(-25)), new ByPopulation(kr(125), JAN_1_2023)), TWO_MEMBERS));
    }

    @Test
    void aSharedTotalThatNoComponentSharesIsRejected() {
        assertRejected("sharedTotal", "no component shares it", () -> scheme(
                List.of(new FixedAmount(REGION, kr(278_757))), List.of()));
    }

    @Test
    void aMemberWithoutPopulationForAByPopulationComponentIsRejected() {
        var members = List.of(Member.of("aarhus").withPopulation(361_544, JAN_1_2023), Member.of("hedensted"));

        assertRejected("members[hedensted].population", "BY_POPULATION needs the population on 2023-01-01",
                () -> scheme(List.of(new EqualShare(kr(25)), new ByPopulation(kr(75), JAN_1_2023)), members));
    }

    @Test
    void aPopulationFromAnotherReferenceDateIsRejected() {
        var members = List.of(Member.of("aarhus").withPopulation(355_000, LocalDate.of(2022, 1, 1)));

        assertRejected("members[aarhus].population", "is from 2022-01-01",
                () -> scheme(List.of(new ByPopulation(kr(100), JAN_1_2023)), members));
    }

    @Test
    void aJoiningMemberWithoutPopulationIsRejectedWhenCharged() {
        var scheme = govTech2024();
        var joining = new java.util.ArrayList<>(scheme.members());
        joining.add(Member.of("silkeborg").joining(LocalDate.of(2024, 3, 13)));

        assertRejected("currentMembers[silkeborg].population", "missing",
                () -> ChargeCalculator.calculate(scheme, joining));
    }

    @Test
    void aJoinerWithoutAPopulationFigureIsNotChargedYet() {
        var scheme = govTech2024();
        var roster = Roster.of(scheme.members()).join("m1", "silkeborg", LocalDate.of(2024, 3, 13));

        var table = ChargeCalculator.calculate(scheme, scheme.currentMembers(roster, Member::population));

        org.junit.jupiter.api.Assertions.assertFalse(table.pays("silkeborg"));
    }

    @Test
    void anExitOfAnUnknownOrganizationIsRejected() {
        assertRejected("organizationId", "viborg is not a member",
                () -> Seed.afterExit(govTech2024(), "viborg", LocalDate.of(2024, 1, 1)));
    }

    @Test
    void aFixedAmountNamingNoOrganizationIsRejected() {
        assertRejected("components[0].organizationId", "names no organization",
                () -> scheme(List.of(new FixedAmount(" ", kr(1_000))), List.of()));
    }

    @Test
    void aMemberListedTwiceIsRejected() {
        var members = List.of(Member.of("aarhus").withUnits(kr(551)), Member.of("aarhus").withUnits(kr(551)));

        assertRejected("members[aarhus]", "listed twice", () -> scheme(List.of(new ByUnits(kr(100))), members));
    }

    @Test
    void aMemberWithoutUnitsForAByUnitsComponentIsRejected() {
        assertRejected("members[aarhus].units", "BY_UNITS needs a units key",
                () -> scheme(List.of(new ByUnits(kr(100))), List.of(Member.of("aarhus"))));
    }

    @Test
    void aMemberWithoutLastYearsChargeIsRejectedWhenTheSchemeScalesLastYear() {
        assertRejected("members[aarhus].previousCharge", "last year's charges",
                () -> scheme(List.of(new PreviousYearProportional(kr(100))), List.of(Member.of("aarhus"))));
    }

    @Test
    void aRatioWithAZeroDenominatorIsRejected() {
        assertRejected("components[1].denominator", "must be positive",
                () -> scheme(List.of(new EqualShare(kr(100)), new RatioOfTotal(REGION, kr(1), kr(0))), TWO_MEMBERS));
    }

    @Test
    void aZeroIndexationFactorIsRejected() {
        assertRejected("indexation", "positive factor", () -> govTech2024().withIndexation(kr(0)));
    }

    @Test
    void aShareNobodyCarriesIsRejected() {
        var gone = List.of(Member.of("aarhus").exiting(LocalDate.of(2024, 1, 1)));

        assertRejected("components[0]", "EQUAL_SHARE has no member to carry it in 2024",
                () -> scheme(List.of(new EqualShare(kr(100))), gone));
    }

    @Test
    void aFixedTotalWithEveryMemberGoneCannotBeRedistributed() {
        var scheme = scheme(List.of(new EqualShare(kr(100))), TWO_MEMBERS).withBudgetMode(BudgetMode.FIXED_TOTAL);
        var gone = TWO_MEMBERS.stream().map(m -> m.exiting(LocalDate.of(2024, 1, 1))).toList();

        assertRejected("currentMembers", "no member left to carry EQUAL_SHARE",
                () -> ChargeCalculator.calculate(scheme, gone));
    }

    @Test
    void anExitBeforeJoiningIsRejected() {
        var member = Member.of("aarhus").withUnits(kr(1))
                .joining(LocalDate.of(2024, 3, 1))
                .exiting(LocalDate.of(2024, 2, 1));

        assertRejected("members[aarhus].exit", "is not after joining",
                () -> scheme(List.of(new ByUnits(kr(100))), List.of(member)));
    }
}
