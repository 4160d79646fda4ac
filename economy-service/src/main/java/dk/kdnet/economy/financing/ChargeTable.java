package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The charges of a scheme for a year: one row per paying organization.
 *
 * @param exactTotal the unrounded sum of the rows
 * @param total the scheme total, {@code exactTotal} rounded half up (what the tables print)
 * @param sumOfRows the sum of the whole-krone charges; equals {@code total} unless the rounding
 *     policy is HALF_UP
 */
public record ChargeTable(
        String owner,
        int year,
        List<Charge> charges,
        List<ComponentTotal> componentTotals,
        BigDecimal exactTotal,
        BigDecimal total,
        BigDecimal sumOfRows) {

    public ChargeTable {
        charges = List.copyOf(charges);
        componentTotals = List.copyOf(componentTotals);
    }

    public Charge charge(String organizationId) {
        return charges.stream()
                .filter(c -> c.organizationId().equals(organizationId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        organizationId + " pays nothing to " + owner + " in " + year));
    }

    public boolean pays(String organizationId) {
        return charges.stream().anyMatch(c -> c.organizationId().equals(organizationId));
    }

    /**
     * A component's column: its exact total, that total rounded (what the tables print under the
     * column) and the sum of its rounded parts (GovTech 2024 equal share: 621,111 vs 621,104).
     */
    public record ComponentTotal(Component component, BigDecimal exact, BigDecimal rounded, BigDecimal sumOfRows) {}
}
