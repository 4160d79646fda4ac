package dk.kdnet.economy.budget;

import dk.kdnet.economy.budget.BudgetApi.Line;
import dk.kdnet.economy.budget.BudgetApi.LineView;
import dk.kdnet.economy.budget.BudgetApi.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The sums of a budget's line tree: each group is the sum of its sub-lines, the result is income less expenses, and
 * what is carried to the next year is what was carried in plus the result. Pure.
 */
public record BudgetTotals(List<LineView> lines, BigDecimal income, BigDecimal expenses, BigDecimal result,
        BigDecimal carriedIn, BigDecimal carriedOut) {

    public static BudgetTotals of(List<Line> lines, BigDecimal carriedIn) {
        var views = new ArrayList<LineView>();
        var income = BigDecimal.ZERO;
        var expenses = BigDecimal.ZERO;
        for (var line : lines) {
            var view = view(line, line.side());
            views.add(view);
            if (line.side() == Side.INCOME) {
                income = income.add(view.amount());
            } else {
                expenses = expenses.add(view.amount());
            }
        }
        var result = income.subtract(expenses);
        return new BudgetTotals(views, income, expenses, result, carriedIn, carriedIn.add(result));
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
            return new LineView(line.label(), side, line.amount(), List.of());
        }
        var children = line.lines().stream().map(l -> view(l, null)).toList();
        var sum = children.stream().map(LineView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LineView(line.label(), side, sum, children);
    }
}
