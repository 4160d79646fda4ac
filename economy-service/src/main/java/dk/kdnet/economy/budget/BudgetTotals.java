package dk.kdnet.economy.budget;

import dk.kdnet.economy.budget.BudgetApi.Difference;
import dk.kdnet.economy.budget.BudgetApi.Line;
import dk.kdnet.economy.budget.BudgetApi.LineView;
import dk.kdnet.economy.budget.BudgetApi.PrintedTotals;
import dk.kdnet.economy.budget.BudgetApi.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The sums of a budget's line tree: each group is the sum of its sub-lines, the result is income less expenses, and
 * what is carried to the next year is what was carried in plus the result. Beside them, the document as printed
 * ({@link #stated}): a printed amount where one is recorded, else the sum of what is stated beneath; and every
 * printed amount that is not the sum of what is printed beneath it ({@link #differences}). Pure.
 */
public record BudgetTotals(List<LineView> lines, BigDecimal income, BigDecimal expenses, BigDecimal result,
        BigDecimal carriedIn, BigDecimal carriedOut, PrintedTotals printedTotals, Stated stated,
        List<Difference> differences) {

    /** The totals as the document states them: printed where printed, else summed from what is stated. */
    public record Stated(BigDecimal income, BigDecimal expenses, BigDecimal result, BigDecimal carriedIn,
            BigDecimal carriedOut) {}

    public static final String TOTAL_EXPENSES = "Udgifter i alt";
    public static final String RESULT = "Årets resultat";
    public static final String CARRIED_OUT = "Overføres til næste år";

    public static BudgetTotals of(List<Line> lines, BigDecimal carriedIn) {
        return of(lines, carriedIn, null);
    }

    public static BudgetTotals of(List<Line> lines, BigDecimal carriedIn, PrintedTotals printed) {
        var views = new ArrayList<LineView>();
        var differences = new ArrayList<Difference>();
        var income = BigDecimal.ZERO;
        var expenses = BigDecimal.ZERO;
        var statedIncome = BigDecimal.ZERO;
        var statedExpenses = BigDecimal.ZERO;
        for (var line : lines) {
            var view = view(line, line.side());
            views.add(view);
            check(view, "", differences);
            if (line.side() == Side.INCOME) {
                income = income.add(view.amount());
                statedIncome = statedIncome.add(stated(view));
            } else {
                expenses = expenses.add(view.amount());
                statedExpenses = statedExpenses.add(stated(view));
            }
        }
        var result = income.subtract(expenses);
        var totals = printed == null ? new PrintedTotals(null, null, null) : printed;
        statedExpenses = printedOr(totals.expenses(), statedExpenses, TOTAL_EXPENSES, differences);
        var statedResult = printedOr(totals.result(), statedIncome.subtract(statedExpenses), RESULT, differences);
        var statedOut = printedOr(totals.carriedOut(), carriedIn.add(statedResult), CARRIED_OUT, differences);
        return new BudgetTotals(views, income, expenses, result, carriedIn, carriedIn.add(result), printed,
                new Stated(statedIncome, statedExpenses, statedResult, carriedIn, statedOut), List.copyOf(differences));
    }

    /** A line as the document states it: its printed amount, a leaf's amount, else the sum of its sub-lines stated. */
    public static BigDecimal stated(LineView line) {
        if (line.printed() != null) {
            return line.printed();
        }
        return line.lines().isEmpty() ? line.amount()
                : line.lines().stream().map(BudgetTotals::stated).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void check(LineView line, String above, List<Difference> differences) {
        var path = above.isEmpty() ? line.label() : above + " / " + line.label();
        if (line.printed() != null) {
            var computed = line.lines().stream().map(BudgetTotals::stated).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (computed.compareTo(line.printed()) != 0) {
                differences.add(new Difference(path, line.printed(), computed, line.printed().subtract(computed)));
            }
        }
        line.lines().forEach(l -> check(l, path, differences));
    }

    private static BigDecimal printedOr(BigDecimal printed, BigDecimal computed, String line,
            List<Difference> differences) {
        if (printed == null) {
            return computed;
        }
        if (printed.compareTo(computed) != 0) {
            differences.add(new Difference(line, printed, computed, printed.subtract(computed)));
        }
        return printed;
    }

    /** Checks the tree's shape; answers the field of the first problem, or null. */
    public static String problem(List<Line> lines) {
        for (var i = 0; i < lines.size(); i++) {
            if (lines.get(i).side() == null) {
                return "lines[" + i + "].side";
            }
            var inner = shape(lines.get(i), "lines[" + i + "]");
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String shape(Line line, String field) {
        var children = line.lines() == null ? List.<Line>of() : line.lines();
        if (children.isEmpty() == (line.amount() == null)) {
            return children.isEmpty() ? field + ".amount" : field + ".lines";
        }
        if (children.isEmpty() && line.printed() != null) {
            return field + ".printed";
        }
        for (var i = 0; i < children.size(); i++) {
            var inner = shape(children.get(i), field + ".lines[" + i + "]");
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static LineView view(Line line, Side side) {
        if (line.lines() == null || line.lines().isEmpty()) {
            return new LineView(line.label(), side, line.amount(), null, List.of());
        }
        var children = line.lines().stream().map(l -> view(l, null)).toList();
        var sum = children.stream().map(LineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LineView(line.label(), side, sum, line.printed(), children);
    }
}
