package dk.kdnet.economy.financing;

import java.math.BigDecimal;

/**
 * An amount over- or under-charged in an earlier year, offset in this year's charges and spread
 * over the paying members in proportion to a basis.
 *
 * @param amount added to this year's charges; negative for an earlier over-charge (GovTech 2023:
 *     -42,773, the 2022 charges wrongly indexed by 1.72 %)
 */
public record Correction(BigDecimal amount, Basis basis, String reason) {

    public enum Basis {
        /** In proportion to last year's charges (GovTech and HjerteKom 2023, KD-Net 27 Jan 2023). */
        PREVIOUS_YEAR_CHARGES,
        /** In proportion to this year's charges before the correction. */
        CURRENT_SHARES
    }
}
