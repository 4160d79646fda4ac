package dk.kdnet.economy.report;

import dk.kdnet.economy.budget.BudgetApi;
import dk.kdnet.economy.budget.BudgetTotals;
import dk.kdnet.economy.report.AnnualReportApi.Cell;
import dk.kdnet.economy.report.AnnualReportApi.DifferenceView;
import dk.kdnet.economy.report.AnnualReportApi.LineKind;
import dk.kdnet.economy.report.AnnualReportApi.LineView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Lays budgets and accounts side by side as one table, the annual report's: a line is the same line in every column
 * when its labels from the top are the same; a column without it is blank. The lines keep every column's order (a
 * line the latest budget added stands where that budget put it). Pure.
 */
public final class AnnualReport {

    private AnnualReport() {}

    /** One column: its heading and the totals of its budget, or null for a blank column. */
    public record Column(String heading, BudgetTotals totals) {}

    public record Table(List<LineView> lines, List<DifferenceView> differences) {}

    public static Table of(List<Column> columns) {
        var lines = new ArrayList<LineView>();
        var tops = columns.stream().map(c -> c.totals() == null ? List.<BudgetApi.LineView>of() : c.totals().lines())
                .toList();
        for (var node : merge(tops)) {
            add(node, 0, lines);
        }
        lines.add(total("Udgifter i alt", LineKind.TOTAL_EXPENSES, columns, BudgetTotals.Stated::expenses));
        lines.add(total("Årets resultat", LineKind.RESULT, columns, BudgetTotals.Stated::result));
        lines.add(total("Overført fra tidligere år", LineKind.CARRIED_IN, columns, BudgetTotals.Stated::carriedIn));
        lines.add(total("Overføres til næste år", LineKind.CARRIED_OUT, columns, BudgetTotals.Stated::carriedOut));
        var differences = new ArrayList<DifferenceView>();
        for (var column : columns) {
            if (column.totals() != null) {
                column.totals().differences().forEach(d -> differences.add(new DifferenceView(column.heading(),
                        d.line(), d.printed(), d.computed(), d.difference())));
            }
        }
        return new Table(lines, differences);
    }

    /** A line across the columns: each column's line of that label (null where it has none). */
    private record Node(String label, BudgetApi.LineView[] cells, List<Node> children) {}

    private static void add(Node node, int depth, List<LineView> lines) {
        var amounts = Arrays.stream(node.cells()).map(c -> new Cell(c == null ? null : BudgetTotals.stated(c)))
                .toList();
        var side = Arrays.stream(node.cells()).filter(c -> c != null && c.side() != null).map(BudgetApi.LineView::side)
                .findFirst().orElse(null);
        lines.add(new LineView(node.label(), depth, node.children().isEmpty() ? LineKind.LINE : LineKind.GROUP,
                side, amounts));
        node.children().forEach(c -> add(c, depth + 1, lines));
    }

    private static LineView total(String label, LineKind kind, List<Column> columns,
            java.util.function.Function<BudgetTotals.Stated, BigDecimal> amount) {
        return new LineView(label, 0, kind, null, columns.stream()
                .map(c -> new Cell(c.totals() == null ? null : amount.apply(c.totals().stated()))).toList());
    }

    /** Sibling lines of every column, merged into one list of lines across the columns. */
    private static List<Node> merge(List<List<BudgetApi.LineView>> columns) {
        var byKey = new ArrayList<Map<String, BudgetApi.LineView>>();
        var sequences = new ArrayList<List<String>>();
        for (var siblings : columns) {
            var keyed = new LinkedHashMap<String, BudgetApi.LineView>();
            var seen = new HashMap<String, Integer>();
            for (var line : siblings) {
                // A label twice among siblings is two lines: the first, the second, ...
                keyed.put(line.label() + "\u0000" + seen.merge(line.label(), 1, Integer::sum), line);
            }
            byKey.add(keyed);
            sequences.add(List.copyOf(keyed.keySet()));
        }
        var nodes = new ArrayList<Node>();
        for (var key : order(sequences)) {
            var cells = new BudgetApi.LineView[columns.size()];
            var children = new ArrayList<List<BudgetApi.LineView>>();
            for (var c = 0; c < columns.size(); c++) {
                cells[c] = byKey.get(c).get(key);
                children.add(cells[c] == null ? List.of() : cells[c].lines());
            }
            nodes.add(new Node(key.substring(0, key.indexOf('\u0000')), cells, merge(children)));
        }
        return nodes;
    }

    /**
     * One order of the keys that keeps each sequence's order, where they agree: a topological order of "comes after"
     * in any sequence, ties (and contradictions) settled by where a key is first seen, columns left to right.
     */
    static List<String> order(List<List<String>> sequences) {
        var rank = new LinkedHashMap<String, Integer>();
        sequences.forEach(s -> s.forEach(k -> rank.putIfAbsent(k, rank.size())));
        var successors = new HashMap<String, Set<String>>();
        var before = new HashMap<String, Integer>();
        rank.keySet().forEach(k -> before.put(k, 0));
        for (var sequence : sequences) {
            for (var i = 1; i < sequence.size(); i++) {
                if (successors.computeIfAbsent(sequence.get(i - 1), k -> new HashSet<>()).add(sequence.get(i))) {
                    before.merge(sequence.get(i), 1, Integer::sum);
                }
            }
        }
        var ready = new PriorityQueue<String>(Comparator.comparing(rank::get));
        before.forEach((k, n) -> {
            if (n == 0) {
                ready.add(k);
            }
        });
        var order = new ArrayList<String>();
        var done = new HashSet<String>();
        while (order.size() < rank.size()) {
            var next = ready.poll();
            if (next == null) {
                next = rank.keySet().stream().filter(k -> !done.contains(k)).findFirst().orElseThrow();
            }
            if (!done.add(next)) {
                continue;
            }
            order.add(next);
            for (var successor : successors.getOrDefault(next, Set.of())) {
                if (before.merge(successor, -1, Integer::sum) == 0 && !done.contains(successor)) {
                    ready.add(successor);
                }
            }
        }
        return order;
    }
}
