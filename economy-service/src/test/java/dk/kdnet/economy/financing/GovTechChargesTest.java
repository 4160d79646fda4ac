package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.INDEX_2022_2023;
import static dk.kdnet.economy.financing.Seed.REGION;
import static dk.kdnet.economy.financing.Seed.assertAmounts;
import static dk.kdnet.economy.financing.Seed.assertRows;
import static dk.kdnet.economy.financing.Seed.chargedIn;
import static dk.kdnet.economy.financing.Seed.govTech2024;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.printedRows;
import static dk.kdnet.economy.financing.Seed.printedTotal;
import static dk.kdnet.economy.financing.Seed.replacing;
import static dk.kdnet.economy.financing.Seed.rows;
import static dk.kdnet.economy.financing.Seed.share;
import static dk.kdnet.economy.financing.Seed.without;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.PreviousYearProportional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** GovTech Midtjylland, seeds 27 Jan 2023 (2022, 2023) and 25 Aug 2023 item 57 (budget 2024). */
class GovTechChargesTest {

    // The 2021 contributions are not in the reference. Each is the only whole-krone amount x with
    // HALF_UP(x * 1.0172) = the printed 2022 row (derived, like the climate units); their sum is
    // checked below against the 2021 total 2,478,149 that the reference states independently.
    private static final Map<String, Long> CONTRIBUTIONS_2021 = contributions2021();

    private static final FinancingScheme GOVTECH_2022 = FinancingScheme.of("govtech-midtjylland", 2022,
                    BudgetMode.FIXED_TOTAL, RoundingPolicy.HALF_UP, kr(2_478_149),
                    List.of(new PreviousYearProportional(kr(100))),
                    CONTRIBUTIONS_2021.entrySet().stream()
                            .map(e -> Member.of(e.getKey()).withPreviousCharge(kr(e.getValue())))
                            .toList())
            .withIndexation(INDEX_2022_2023);

    // Expected cost 2,478,000 less the 42,773 over-charged in 2022, spread by the 2022 charges, the
    // region included; Aarhus, the largest payer, balances the table.
    private static final FinancingScheme GOVTECH_2023 = FinancingScheme.of("govtech-midtjylland", 2023,
                    BudgetMode.FIXED_TOTAL, RoundingPolicy.BALANCING_ROW, kr(2_478_000),
                    List.of(new PreviousYearProportional(kr(100))), chargedIn("GOVTECH-2022"))
            .withCorrection(new Correction(kr(-42_773), Correction.Basis.PREVIOUS_YEAR_CHARGES,
                    "2022 charges should not have been indexed"));

    @Test
    void govTech2022IsEach2021ContributionIndexedBy172Percent() {
        assertEquals(2_478_149L, CONTRIBUTIONS_2021.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(250_000L, CONTRIBUTIONS_2021.get(REGION));

        var table = ChargeCalculator.calculate(GOVTECH_2022);

        assertRows(printedRows("GOVTECH-2022"), table);
        assertEquals(kr(printedTotal("GOVTECH-2022", "total")), table.sumOfRows());
        assertEquals(kr(2_520_773), table.total());
        assertEquals(kr(254_300), table.charge(REGION).exact());
    }

    @Test
    void govTech2022OverChargeIs42773AgainstTheExpectedCostNotTheIndexationItself() {
        var table = ChargeCalculator.calculate(GOVTECH_2022);

        // Reference discrepancy GOVTECH-2023 "correction basis": the indexation itself cost 42,624;
        // the 42,773 offset in 2023 is measured against the rounded expected cost 2,478,000.
        assertEquals(kr(42_624), table.sumOfRows().subtract(kr(2_478_149)));
        assertEquals(kr(42_773), table.sumOfRows().subtract(kr(2_478_000)));
    }

    @Test
    void govTech2023IsThe2022KeyAppliedToTheCorrectedTotalWithAarhusBalancing() {
        var table = ChargeCalculator.calculate(GOVTECH_2023);

        assertRows(printedRows("GOVTECH-2023"), table);
        assertEquals(kr(2_435_227), table.exactTotal());
        assertEquals(kr(printedTotal("GOVTECH-2023", "total")), table.sumOfRows());
        var aarhus = table.charge("aarhus");
        assertEquals(kr("531095.3877"), aarhus.exact().setScale(4, RoundingMode.HALF_UP));
        assertEquals(kr("-1.3877"), aarhus.roundingDifference().setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void govTech2023HalfUpWouldChargeAarhus531095AndOverShootTheTotalBy1Kr() {
        var table = ChargeCalculator.calculate(GOVTECH_2023.withRounding(RoundingPolicy.HALF_UP));

        assertRows(replacing(printedRows("GOVTECH-2023"), "aarhus", 531_095L), table);
        assertEquals(kr(2_435_228), table.sumOfRows());
        assertEquals(kr(2_435_227), table.total());
    }

    @Test
    void govTech2023LargestRemainderWouldAlsoMoveRingkobingSkjernTo117809() {
        var table = ChargeCalculator.calculate(GOVTECH_2023.withRounding(RoundingPolicy.LARGEST_REMAINDER));

        assertAmounts(without(printedRows("GOVTECH-2023"), "aarhus", "ringkobing-skjern"), table);
        assertAmounts(Map.of("aarhus", 531_095L, "ringkobing-skjern", 117_809L), table);
        assertEquals(kr(2_435_227), table.sumOfRows());
    }

    @Test
    void govTech2024WorkedExample() {
        var table = ChargeCalculator.calculate(govTech2024());

        var aarhus = table.charge("aarhus");
        assertEquals(kr(38_819), share(aarhus, c -> c instanceof EqualShare));
        assertEquals(kr(581_773), share(aarhus, c -> c instanceof ByPopulation));
        assertEquals(kr(620_592), aarhus.amount());
        assertEquals(new PopulationFigure(361_544, Seed.JAN_1_2023), aarhus.population());
        assertEquals(12, aarhus.months());
        var hedensted = table.charge("hedensted");
        assertEquals(kr(38_819), share(hedensted, c -> c instanceof EqualShare));
        assertEquals(kr(76_609), share(hedensted, c -> c instanceof ByPopulation));
        assertEquals(kr(115_429), hedensted.amount());
        assertEquals(kr(278_757), table.charge(REGION).amount());
        assertEquals(kr("278756.5125"), table.charge(REGION).exact().setScale(4, RoundingMode.HALF_UP));
    }

    @Test
    void govTech2024RowsAndComponentsAreReproducedFromTheRule() {
        var table = ChargeCalculator.calculate(govTech2024());

        // Favrskov: see govTech2024FavrskovPrinted118324ButTheRuleGives118323Discrepancy.
        assertRows(replacing(printedRows("GOVTECH-2024"), "favrskov", 118_323L), table);
        assertAll(rows("GOVTECH-2024").stream()
                .filter(r -> r.population() != null)
                .map(r -> (Executable) () -> {
                    var charge = table.charge(r.organizationId());
                    assertEquals(kr(r.equalShare()), share(charge, c -> c instanceof EqualShare), r.organizationId());
                    assertEquals(kr(r.populationShare()), share(charge, c -> c instanceof ByPopulation),
                            r.organizationId());
                    assertEquals(r.population(), charge.population().count(), r.organizationId());
                }));
    }

    @Test
    void govTech2024FavrskovPrinted118324ButTheRuleGives118323Discrepancy() {
        // Reference discrepancy GOVTECH-2024 "row total": exact 118,323.4992 rounds down. The
        // printed figure is only reached if the sheet held a total above 2,484,444.0163.
        var favrskov = ChargeCalculator.calculate(govTech2024()).charge("favrskov");

        assertEquals(kr("118323.4992"), favrskov.exact().setScale(4, RoundingMode.HALF_UP));
        assertEquals(kr(118_323), favrskov.amount());
    }

    @Test
    void govTech2024RowTotalIsRoundedFromTheUnroundedSumNotFromTheRoundedComponents() {
        var table = ChargeCalculator.calculate(govTech2024());

        // Randers: 38,819.4375 + 160,802.3 rounds to 199,622, one more than 38,819 + 160,802.
        var randers = table.charge("randers");
        assertEquals(kr(199_621), sumOfRoundedComponents(randers));
        assertEquals(kr(199_622), randers.amount());
        // The reference counts 8 of 16 printed rows like this: these 7 and the Favrskov typo.
        var differing = table.charges().stream()
                .filter(c -> sumOfRoundedComponents(c).compareTo(c.amount()) != 0)
                .map(Charge::organizationId)
                .toList();
        assertEquals(List.of("randers", "horsens", "holstebro", "ringkobing-skjern", "hedensted", "odder", "struer"),
                differing);
    }

    @Test
    void govTech2024PrintedColumnTotalsAreTheRoundedExactTotalsNotTheRowSums() {
        var table = ChargeCalculator.calculate(govTech2024());
        var equal = table.componentTotals().get(0);
        var population = table.componentTotals().get(1);
        var region = table.componentTotals().get(2);

        // Discrepancy GOVTECH-2024 "column total": equal share printed 621,111, its rows sum to 621,104.
        assertEquals(kr(printedTotal("GOVTECH-2024", "equalShare")), equal.rounded());
        assertEquals(kr(621_104), equal.sumOfRows());
        assertEquals(kr(printedTotal("GOVTECH-2024", "populationShare")), population.rounded());
        assertEquals(kr(1_863_333), population.sumOfRows());
        assertEquals(kr(printedTotal("GOVTECH-2024", "region")), region.rounded());
        assertEquals(printedTotal("GOVTECH-2024", "population"),
                table.charges().stream()
                        .filter(c -> c.population() != null)
                        .mapToLong(c -> c.population().count())
                        .sum());
    }

    @Test
    void govTech2024PrintedRowsSumTo2484445OnlyBecauseOfFavrskovTheComputedRowsTo2484444() {
        var table = ChargeCalculator.calculate(govTech2024());
        var municipal = table.charges().stream()
                .filter(c -> !c.organizationId().equals(REGION))
                .map(Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var printedMunicipalRows = printedRows("GOVTECH-2024").entrySet().stream()
                .filter(e -> !e.getKey().equals(REGION))
                .mapToLong(Map.Entry::getValue)
                .sum();

        // Discrepancy GOVTECH-2024 "column total": printed rows 2,484,445 against the total 2,484,444.
        assertEquals(2_484_445L, printedMunicipalRows);
        assertEquals(kr(printedTotal("GOVTECH-2024", "municipalTotal")), municipal);
        // HALF_UP per row happens to add up here, region included.
        assertEquals(kr(2_763_201), table.sumOfRows());
        assertEquals(kr(2_763_201), table.total());
        var largestRemainder = govTech2024().withRounding(RoundingPolicy.LARGEST_REMAINDER);
        assertEquals(table.charges(), ChargeCalculator.calculate(largestRemainder).charges());
    }

    private static BigDecimal sumOfRoundedComponents(Charge charge) {
        return charge.components().stream().map(Charge.ComponentShare::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, Long> contributions2021() {
        var contributions = new LinkedHashMap<String, Long>();
        contributions.put("favrskov", 106_925L);
        contributions.put("hedensted", 104_469L);
        contributions.put("herning", 166_968L);
        contributions.put("holstebro", 121_982L);
        contributions.put("horsens", 168_252L);
        contributions.put("ikast-brande", 96_419L);
        contributions.put("lemvig", 65_170L);
        contributions.put("norddjurs", 91_976L);
        contributions.put("odder", 68_870L);
        contributions.put("randers", 181_113L);
        contributions.put("ringkobing-skjern", 119_886L);
        contributions.put("skanderborg", 126_048L);
        contributions.put("skive", 104_444L);
        contributions.put("struer", 66_857L);
        contributions.put("syddjurs", 98_314L);
        contributions.put("aarhus", 540_456L);
        contributions.put(REGION, 250_000L);
        return contributions;
    }
}
