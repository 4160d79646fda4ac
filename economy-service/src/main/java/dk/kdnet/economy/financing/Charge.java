package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one organization pays for one year, with how it was reached. Exact amounts are unrounded
 * kroner; {@code amount} is the whole-krone charge.
 *
 * @param months months of membership paid for (12 for a party outside the membership)
 * @param population the population figure the components used, or null when none did
 * @param components each component's exact (indexed) amount and its half-up rounding
 * @param indexationUplift the exact kroner the indexation added to this charge
 * @param correctionShare the exact share of the scheme's corrections
 * @param roundingDifference {@code amount - exact}
 */
public record Charge(
        String organizationId,
        int months,
        PopulationFigure population,
        List<ComponentShare> components,
        BigDecimal indexationFactor,
        BigDecimal indexationUplift,
        BigDecimal correctionShare,
        BigDecimal exact,
        BigDecimal amount,
        BigDecimal roundingDifference) {

    public Charge {
        components = List.copyOf(components);
    }

    /** One component's part of a charge. */
    public record ComponentShare(Component component, BigDecimal exact, BigDecimal rounded) {}
}
