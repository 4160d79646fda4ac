package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.INDEX_2022_2023;
import static dk.kdnet.economy.financing.Seed.assertAmounts;
import static dk.kdnet.economy.financing.Seed.assertRows;
import static dk.kdnet.economy.financing.Seed.chargedIn;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.printedRows;
import static dk.kdnet.economy.financing.Seed.printedTotal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.economy.financing.Component.FixedAmount;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KD-Net's own contribution (kontingent), seed 27 Jan 2023. */
class KdNetChargesTest {

    // "KD-Net: Opkrævningen svarer til fremskrivningen af 2022 med 1,72 %."
    private static final FinancingScheme KDNET_2023 = FinancingScheme.of("kdnet", 2023, BudgetMode.FIXED_TOTAL,
                    RoundingPolicy.HALF_UP, kr(6_349_085), List.of(new PreviousYearProportional(kr(100))),
                    chargedIn("KDNET-2022"))
            .withIndexation(INDEX_2022_2023);

    @Test
    void kdNet2022RowsAreTakenAsGivenBecauseTheDocumentStatesNoKey() {
        // The 2022 key is not stated (reference: reproducible=false), so each municipality pays
        // its printed amount; only the total is checked against the accounts line 6,349,085.
        var printed = printedRows("KDNET-2022");
        var components = printed.entrySet().stream()
                .<Component>map(e -> new FixedAmount(e.getKey(), kr(e.getValue())))
                .toList();
        var scheme = FinancingScheme.of("kdnet", 2022, BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP, kr(0),
                components, List.of());

        var table = ChargeCalculator.calculate(scheme);

        assertRows(printed, table);
        assertEquals(kr(printedTotal("KDNET-2022", "total")), table.total());
        assertEquals(kr(6_349_085), table.sumOfRows());
    }

    @Test
    void kdNet2023IsEach2022RowIndexedBy172PercentRoundedHalfUp() {
        var table = ChargeCalculator.calculate(KDNET_2023);

        assertRows(printedRows("KDNET-2023"), table);
        var aarhus = table.charge("aarhus");
        assertEquals(kr("1613696.252"), aarhus.exact());
        assertEquals(INDEX_2022_2023, aarhus.indexationFactor());
        assertEquals(kr("27286.252"), aarhus.indexationUplift());
    }

    @Test
    void kdNet2023PrintedTotalIsTheSumOfTheRoundedRowsNotTheIndexedTotal() {
        var table = ChargeCalculator.calculate(KDNET_2023);

        // HALF_UP per row: the rows add up to the printed 6,458,287 ...
        assertEquals(kr(printedTotal("KDNET-2023", "total")), table.sumOfRows());
        // ... while 6,349,085 x 1.0172 is 6,458,289.262 (and the budget line says 6,458,291).
        assertEquals(kr("6458289.262"), table.exactTotal());
        assertEquals(kr(6_458_289), table.total());
    }

    @Test
    void kdNet2023WithLargestRemainderWouldReachTheIndexedTotalAndDifferFromThePrintedTable() {
        var table = ChargeCalculator.calculate(KDNET_2023.withRounding(RoundingPolicy.LARGEST_REMAINDER));

        assertEquals(kr(6_458_289), table.sumOfRows());
        assertAmounts(Map.of("lemvig", 112_158L, "samso", 22_088L), table);
    }
}
