package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How exact row amounts become whole kroner; each scheme states its policy. */
public enum RoundingPolicy {
    /**
     * Each row is rounded half up from its unrounded sum, so the rows may not add up to the
     * total: what the spreadsheets did (GovTech 2024 as printed: rows 2,484,445, total 2,484,444).
     */
    HALF_UP,
    /** Half up, then the largest payer absorbs the difference to the total (GovTech 2023: Aarhus). */
    BALANCING_ROW,
    /** The rows add up to the total exactly and each stays within 1 kr of its exact amount. */
    LARGEST_REMAINDER;

    List<BigDecimal> round(List<BigDecimal> exact, BigDecimal total) {
        return switch (this) {
            case HALF_UP -> exact.stream().map(Money::kroner).toList();
            case BALANCING_ROW -> balance(exact, total);
            case LARGEST_REMAINDER -> largestRemainder(exact, total);
        };
    }

    private static List<BigDecimal> balance(List<BigDecimal> exact, BigDecimal total) {
        var rows = new ArrayList<>(exact.stream().map(Money::kroner).toList());
        if (rows.isEmpty()) {
            return rows;
        }
        var largest = IntStream.range(0, exact.size()).boxed()
                .max(Comparator.comparing(exact::get).thenComparing(Comparator.<Integer>reverseOrder()))
                .orElseThrow();
        var difference = total.subtract(rows.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        rows.set(largest, rows.get(largest).add(difference));
        return rows;
    }

    private static List<BigDecimal> largestRemainder(List<BigDecimal> exact, BigDecimal total) {
        var settled = exact.stream().map(Money::settle).toList();
        var rows = new ArrayList<>(settled.stream().map(e -> e.setScale(0, RoundingMode.FLOOR)).toList());
        var left = total.subtract(rows.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).intValueExact();
        Comparator<Integer> byRemainder = Comparator.comparing(i -> settled.get(i).subtract(rows.get(i)));
        IntStream.range(0, rows.size()).boxed()
                .sorted(byRemainder.reversed()
                        .thenComparing(Comparator.<Integer, BigDecimal>comparing(settled::get).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(left)
                .forEach(i -> rows.set(i, rows.get(i).add(BigDecimal.ONE)));
        return List.copyOf(rows);
    }
}
