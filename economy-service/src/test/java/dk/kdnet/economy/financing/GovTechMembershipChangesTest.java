package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.JAN_1_2023;
import static dk.kdnet.economy.financing.Seed.REGION;
import static dk.kdnet.economy.financing.Seed.assertAmounts;
import static dk.kdnet.economy.financing.Seed.byOrganization;
import static dk.kdnet.economy.financing.Seed.govTech2024;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.share;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.EqualShare;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GovTech 2024 when membership changes after the budget (KD-Net 25 Aug 2023, item 57). */
class GovTechMembershipChangesTest {

    private static final LocalDate HEDENSTED_EXIT = LocalDate.of(2024, 1, 1);

    @Test
    void variableBudgetHedenstedsExitChangesNoOtherChargeAndLowersTheTotalBy115429() {
        var scheme = govTech2024();
        var approved = ChargeCalculator.calculate(scheme);

        var afterExit = ChargeCalculator.calculate(scheme, Seed.afterExit(scheme, "hedensted", HEDENSTED_EXIT));

        assertFalse(afterExit.pays("hedensted"));
        var others = byOrganization(approved, Charge::amount);
        others.remove("hedensted");
        assertEquals(others, byOrganization(afterExit, Charge::amount));
        assertEquals(kr(278_757), afterExit.charge(REGION).amount());
        assertEquals(kr(115_429), approved.sumOfRows().subtract(afterExit.sumOfRows()));
        assertEquals(kr(2_647_772), afterExit.sumOfRows());
    }

    @Test
    void fixedTotalHedenstedsExitLetsTheOther15Share2484444() {
        var scheme = govTech2024().withBudgetMode(BudgetMode.FIXED_TOTAL);

        var afterExit = ChargeCalculator.calculate(scheme, Seed.afterExit(scheme, "hedensted", HEDENSTED_EXIT));

        assertFalse(afterExit.pays("hedensted"));
        assertEquals(16, afterExit.charges().size());
        assertEquals(kr(621_111), afterExit.componentTotals().get(0).exact());
        assertEquals(kr(1_863_333), afterExit.componentTotals().get(1).exact());
        // 621,111 / 15 = 41,407.4 each; 1,863,333 over the remaining 1,110,364 inhabitants.
        var aarhus = afterExit.charge("aarhus");
        assertEquals(kr("41407.4"), aarhus.components().get(0).exact());
        assertEquals(kr(606_717), share(aarhus, c -> c instanceof ByPopulation));
        assertAmounts(Map.ofEntries(
                Map.entry("aarhus", 648_125L), Map.entry("randers", 209_104L), Map.entry("horsens", 203_313L),
                Map.entry("herning", 192_358L), Map.entry("skanderborg", 150_717L), Map.entry("holstebro", 140_380L),
                Map.entry("ringkobing-skjern", 135_967L), Map.entry("favrskov", 124_320L), Map.entry("skive", 117_039L),
                Map.entry("syddjurs", 115_592L), Map.entry("ikast-brande", 112_795L), Map.entry("norddjurs", 103_461L),
                Map.entry("odder", 81_055L), Map.entry("struer", 76_302L), Map.entry("lemvig", 73_914L),
                Map.entry(REGION, 278_757L)), afterExit);
        // Half-up rows lose 2 kr of the fixed total; largest remainder keeps every krone of the
        // scheme total (2,484,444 + the region's 278,756.5125).
        assertEquals(kr(2_484_442), municipalRows(afterExit));
        var largestRemainder = ChargeCalculator.calculate(scheme.withRounding(RoundingPolicy.LARGEST_REMAINDER),
                Seed.afterExit(scheme, "hedensted", HEDENSTED_EXIT));
        assertEquals(kr(2_763_201), largestRemainder.sumOfRows());
    }

    @Test
    void variableBudgetAMemberJoining13March2024PaysTenTwelfthsOfTheUnitPrices() {
        // Illustrative population: Silkeborg is not in the seed's population table.
        var silkeborg = Member.of("silkeborg").withPopulation(97_000, JAN_1_2023).joining(LocalDate.of(2024, 3, 13));
        var scheme = govTech2024();
        var approved = ChargeCalculator.calculate(scheme);

        var afterJoining = ChargeCalculator.calculate(scheme, Seed.afterJoining(scheme, silkeborg));

        var charge = afterJoining.charge("silkeborg");
        assertEquals(10, charge.months());
        var fullYearEqualShare = kr(621_111).divide(kr(16));
        assertEquals(fullYearEqualShare.multiply(kr(10)).divide(kr(12)), charge.components().get(0).exact());
        assertEquals(kr("32349.53125"), charge.components().get(0).exact());
        assertEquals(kr(32_350), share(charge, c -> c instanceof EqualShare));
        assertEquals(kr(130_072), share(charge, c -> c instanceof ByPopulation));
        assertEquals(kr(162_421), charge.amount());
        var before = byOrganization(approved, Charge::amount);
        var after = byOrganization(afterJoining, Charge::amount);
        after.remove("silkeborg");
        assertEquals(before, after);
    }

    @Test
    void fixedTotalAMemberJoiningMidYearLowersTheOthersShares() {
        var silkeborg = Member.of("silkeborg").withPopulation(97_000, JAN_1_2023).joining(LocalDate.of(2024, 3, 13));
        var scheme = govTech2024()
                .withBudgetMode(BudgetMode.FIXED_TOTAL)
                .withRounding(RoundingPolicy.LARGEST_REMAINDER);

        var afterJoining = ChargeCalculator.calculate(scheme, Seed.afterJoining(scheme, silkeborg));

        // 16 full years and 10/12 of one: the equal share is 621,111 / (16 + 10/12) per full year.
        assertEquals(kr("36897.683168"),
                afterJoining.charge("aarhus").components().get(0).exact().setScale(6, RoundingMode.HALF_UP));
        assertEquals(kr(621_111), afterJoining.componentTotals().get(0).exact());
        assertEquals(kr(1_863_333), afterJoining.componentTotals().get(1).exact());
        assertEquals(kr(2_763_201), afterJoining.sumOfRows());
    }

    private static BigDecimal municipalRows(ChargeTable table) {
        return table.charges().stream()
                .filter(c -> !c.organizationId().equals(REGION))
                .map(Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
