package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.assertAmounts;
import static dk.kdnet.economy.financing.Seed.assertRows;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.printedRows;
import static dk.kdnet.economy.financing.Seed.printedTotal;
import static dk.kdnet.economy.financing.Seed.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.economy.financing.Component.ByUnits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The climate collaboration's aconto, seed 27 Jan 2023: 1,000,000 kr over a fixed key of 2,229 units. */
class KlimaChargesTest {

    private static FinancingScheme klima(int year) {
        var members = rows("KLIMA-" + year).stream()
                .map(r -> Member.of(r.organizationId()).withUnits(kr(r.units())))
                .toList();
        return FinancingScheme.of("klimasamarbejde", year, BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP,
                kr(1_000_000), List.of(new ByUnits(kr(100))), members);
    }

    @Test
    void klima2022IsOneMillionByUnitsRoundedHalfUp() {
        var table = ChargeCalculator.calculate(klima(2022));

        assertRows(printedRows("KLIMA-2022"), table);
        assertEquals(kr(2_229), rows("KLIMA-2022").stream().map(r -> kr(r.units())).reduce(kr(0), (a, b) -> a.add(b)));
    }

    @Test
    void klima2023IsUnchangedFrom2022() {
        var table = ChargeCalculator.calculate(klima(2023));

        assertRows(printedRows("KLIMA-2023"), table);
        assertEquals(printedRows("KLIMA-2022"), printedRows("KLIMA-2023"));
    }

    @Test
    void klimaRowsLose2KrToHalfUpRoundingWhichTheTablePrintsAsItsTotal() {
        var table = ChargeCalculator.calculate(klima(2022));

        assertEquals(kr(1_000_000), table.exactTotal());
        assertEquals(kr(1_000_000), table.total());
        assertEquals(kr(printedTotal("KLIMA-2022", "total")), table.sumOfRows());
        assertEquals(kr(999_998), table.sumOfRows());
    }

    @Test
    void klimaWithLargestRemainderCollectsTheFullMillion() {
        var table = ChargeCalculator.calculate(klima(2022).withRounding(RoundingPolicy.LARGEST_REMAINDER));

        assertEquals(kr(1_000_000), table.sumOfRows());
        // Both hold 72 units (32,301.4805 kr exact), the largest remainders.
        assertAmounts(Map.of("ikast-brande", 32_302L, "syddjurs", 32_302L), table);
    }
}
