package dk.kdnet.economy.financing;

import static dk.kdnet.economy.financing.Seed.JAN_1_2023;
import static dk.kdnet.economy.financing.Seed.REGION;
import static dk.kdnet.economy.financing.Seed.kr;
import static dk.kdnet.economy.financing.Seed.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.PerCapita;
import dk.kdnet.economy.financing.Component.RatioOfTotal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerCapitaAndCorrectionTest {

    /**
     * Europæisk Kulturregion: 1 kr per inhabitant per year, the region matching the municipal
     * amount (KD-Net 2 Jun 2023, item 44). Populations are the GovTech 1 Jan 2023 figures.
     */
    private static FinancingScheme kulturregion() {
        var members = rows("GOVTECH-2024").stream()
                .filter(r -> r.population() != null)
                .map(r -> Member.of(r.organizationId()).withPopulation(r.population(), JAN_1_2023))
                .toList();
        return FinancingScheme.of("europaeisk-kulturregion", 2024, BudgetMode.VARIABLE, RoundingPolicy.HALF_UP, kr(0),
                List.of(new PerCapita(kr(1), JAN_1_2023), RatioOfTotal.matching(REGION)), members);
    }

    @Test
    void perCapitaChargesTheRateTimesPopulationAndTheRegionMatchesTheTotal() {
        var table = ChargeCalculator.calculate(kulturregion());

        assertEquals(kr(361_544), table.charge("aarhus").amount());
        assertEquals(kr(19_371), table.charge("lemvig").amount());
        assertEquals(kr(1_157_973), table.charge(REGION).amount());
        assertEquals("MATCHING", table.charge(REGION).components().get(0).component().kind());
        assertNull(table.charge(REGION).population());
        assertEquals(kr(2 * 1_157_973), table.sumOfRows());
    }

    @Test
    void perCapitaForPartOfTheYearIsProRata() {
        var scheme = kulturregion();

        var table = ChargeCalculator.calculate(scheme, Seed.afterExit(scheme, "lemvig", LocalDate.of(2024, 7, 1)));

        assertEquals(kr("9685.5"), table.charge("lemvig").exact());
        assertEquals(kr(9_686), table.charge("lemvig").amount());
        assertEquals(6, table.charge("lemvig").months());
        assertEquals(kr(361_544), table.charge("aarhus").amount());
    }

    @Test
    void aCorrectionOnCurrentSharesIsSpreadInProportionToThisYearsCharges() {
        var members = List.of(Member.of("a"), Member.of("b"), Member.of("c").joining(LocalDate.of(2024, 7, 1)));
        var scheme = FinancingScheme.of("test", 2024, BudgetMode.FIXED_TOTAL, RoundingPolicy.LARGEST_REMAINDER,
                        kr(1_000), List.of(new EqualShare(kr(100))), members)
                .withCorrection(new Correction(kr(-100), Correction.Basis.CURRENT_SHARES, "over-charged last year"));

        var table = ChargeCalculator.calculate(scheme);

        // Weights 12:12:6 months give 400, 400, 200; the 100 kr credit follows the same split.
        assertEquals(kr(-40), table.charge("a").correctionShare());
        assertEquals(kr(-20), table.charge("c").correctionShare());
        assertEquals(kr(360), table.charge("a").amount());
        assertEquals(kr(180), table.charge("c").amount());
        assertEquals(kr(900), table.sumOfRows());
    }
}
