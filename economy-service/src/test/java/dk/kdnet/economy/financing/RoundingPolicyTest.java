package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.JAN_1_2023;
import static dk.kdnet.economy.financing.Seed.chargedIn;
import static dk.kdnet.economy.financing.Seed.govTech2024;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.rows;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.economy.financing.Component.ByUnits;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RoundingPolicyTest {

    private static Stream<FinancingScheme> seedSchemes() {
        var klima = FinancingScheme.of("klimasamarbejde", 2023, BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP,
                kr(1_000_000), List.of(new ByUnits(kr(100))),
                rows("KLIMA-2023").stream().map(r -> Member.of(r.organizationId()).withUnits(kr(r.units()))).toList());
        var govTech2023 = FinancingScheme.of("govtech-midtjylland", 2023, BudgetMode.FIXED_TOTAL,
                        RoundingPolicy.HALF_UP, kr(2_478_000), List.of(new PreviousYearProportional(kr(100))),
                        chargedIn("GOVTECH-2022"))
                .withCorrection(new Correction(kr(-42_773), Correction.Basis.PREVIOUS_YEAR_CHARGES, "2022 indexed"));
        var hjerteKom2023 = FinancingScheme.of("hjertekom", 2023, BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP,
                kr(348_840), List.of(new PreviousYearProportional(kr(100))), chargedIn("HJERTEKOM-2022"));
        var govTech2024WithoutHedensted = govTech2024().withBudgetMode(BudgetMode.FIXED_TOTAL)
                .withCorrection(new Correction(kr(1), Correction.Basis.CURRENT_SHARES, "odd krone"));
        return Stream.of(klima, govTech2023, hjerteKom2023, govTech2024(), govTech2024WithoutHedensted);
    }

    @Test
    void largestRemainderRowsSumExactlyToTheTotalAndStayWithin1KrOfExact() {
        assertAll(seedSchemes().map(scheme -> (Executable) () -> {
            var table = ChargeCalculator.calculate(scheme.withRounding(RoundingPolicy.LARGEST_REMAINDER));

            assertEquals(table.total(), table.sumOfRows(), scheme.owner());
            assertAll(table.charges().stream().map(c -> (Executable) () -> assertTrue(
                    c.roundingDifference().abs().compareTo(kr(1)) < 0,
                    c.organizationId() + " " + c.roundingDifference())));
        }));
    }

    @Test
    void balancingRowRoundsHalfUpAndLetsTheLargestPayerAbsorbTheDifference() {
        assertAll(seedSchemes().map(scheme -> (Executable) () -> {
            var halfUp = ChargeCalculator.calculate(scheme.withRounding(RoundingPolicy.HALF_UP));
            var balanced = ChargeCalculator.calculate(scheme.withRounding(RoundingPolicy.BALANCING_ROW));
            var largest = halfUp.charges().stream().max((a, b) -> a.exact().compareTo(b.exact())).orElseThrow();

            assertEquals(balanced.total(), balanced.sumOfRows(), scheme.owner());
            for (var i = 0; i < halfUp.charges().size(); i++) {
                var expected = halfUp.charges().get(i).organizationId().equals(largest.organizationId())
                        ? largest.amount().add(halfUp.total().subtract(halfUp.sumOfRows()))
                        : halfUp.charges().get(i).amount();
                assertEquals(expected, balanced.charges().get(i).amount(), halfUp.charges().get(i).organizationId());
            }
        }));
    }

    @Test
    void halfUpRowsNeedNotAddUpToTheTotal() {
        var klima = seedSchemes().findFirst().orElseThrow();

        var table = ChargeCalculator.calculate(klima);

        assertEquals(kr(1_000_000), table.total());
        assertEquals(kr(999_998), table.sumOfRows());
    }

    @Test
    void aHalfKroneReachedThroughRepeatingDecimalsStillRoundsUp() {
        // 5 kr: 25 % equally over three members, 75 % by units 5:2:2. Member a owes exactly
        // 1.25/3 + 3.75 x 5/9 = 2.5 kr, which the two quotients on their own put at 2.4999...97.
        var members = List.of(
                Member.of("a").withUnits(kr(5)), Member.of("b").withUnits(kr(2)), Member.of("c").withUnits(kr(2)));
        var scheme = FinancingScheme.of("test", 2024, BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP, kr(5),
                List.of(new EqualShare(kr(25)), new ByUnits(kr(75))), members);

        var table = ChargeCalculator.calculate(scheme);

        assertEquals(kr("2.5"), table.charge("a").exact());
        assertEquals(kr(3), table.charge("a").amount());
        assertEquals(kr("1.25"), table.charge("b").exact());
        assertEquals(kr(5), table.exactTotal());
    }

    @Test
    void largestRemainderBreaksEqualRemaindersTowardsTheLargerPayerThenTheListOrder() {
        var members = Stream.of("a", "b", "c").map(id -> Member.of(id).withPopulation(1, JAN_1_2023)
                .joining(id.equals("c") ? LocalDate.of(2024, 1, 1) : null)).toList();
        var scheme = FinancingScheme.of("test", 2024, BudgetMode.FIXED_TOTAL, RoundingPolicy.LARGEST_REMAINDER, kr(100),
                List.of(new EqualShare(kr(100))), members);

        var table = ChargeCalculator.calculate(scheme);

        assertEquals(List.of(kr(34), kr(33), kr(33)), table.charges().stream().map(Charge::amount).toList());
    }
}
