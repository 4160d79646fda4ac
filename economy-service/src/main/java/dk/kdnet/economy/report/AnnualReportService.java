package dk.kdnet.economy.report;

import dk.kdnet.economy.budget.Budget;
import dk.kdnet.economy.budget.BudgetApi.Kind;
import dk.kdnet.economy.budget.BudgetService;
import dk.kdnet.economy.report.AnnualReportApi.AnnualReportView;
import dk.kdnet.economy.report.AnnualReportApi.ColumnView;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.rules.RuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The annual report of an owner for a year, from its budgets and accounts as the caller may read them. */
@ApplicationScoped
public class AnnualReportService {

    @Inject
    BudgetService budgets;

    /** The report's columns for {@code year}: accounts of the two years before, budgets of the year before and it. */
    record Slot(Kind kind, int year) {

        String heading() {
            return (kind == Kind.ACCOUNTS ? "Regnskab " : "Budget ") + year;
        }
    }

    public AnnualReportView report(UUID ownerId, int year, boolean seesInternal) {
        var slots = List.of(new Slot(Kind.ACCOUNTS, year - 2), new Slot(Kind.ACCOUNTS, year - 1),
                new Slot(Kind.BUDGET, year - 1), new Slot(Kind.BUDGET, year));
        var columns = new ArrayList<AnnualReport.Column>();
        var views = new ArrayList<ColumnView>();
        String owner = null;
        for (var slot : slots) {
            Budget budget = Budget.find("ownerId = ?1 and year = ?2 and kind = ?3 order by createdAt", ownerId,
                    slot.year(), slot.kind()).firstResult();
            var version = budget == null ? null : shown(budget, seesInternal);
            if (version == null) {
                columns.add(new AnnualReport.Column(slot.heading(), null));
                views.add(new ColumnView(slot.heading(), slot.kind(), slot.year(), null, null));
                continue;
            }
            columns.add(new AnnualReport.Column(slot.heading(), version.totals()));
            views.add(new ColumnView(slot.heading(), slot.kind(), slot.year(), budget.id, version.status));
            owner = ownerName(budget);
        }
        if (owner == null) {
            throw new NotFound("annual report", ownerId);
        }
        var table = AnnualReport.of(columns);
        var title = owner + " - " + String.join(", ", views.stream().map(ColumnView::heading).toList());
        return new AnnualReportView(ownerId, year, title, views, table.lines(), table.differences());
    }

    private dk.kdnet.economy.budget.BudgetVersion shown(Budget budget, boolean seesInternal) {
        try {
            return budgets.shown(budget.id, seesInternal);
        } catch (RuleException e) {
            // A budget the caller may not read (a draft, for an anonymous caller) is a column the report leaves empty.
            if (e.kind() == RuleException.Kind.UNKNOWN) {
                return null;
            }
            throw e;
        }
    }

    /** The owner's name as its budgets' titles give it: "KD-Net budget 2023" → "KD-Net". */
    static String ownerName(Budget budget) {
        return budget.title.replaceFirst("(?i)\\s+(budget|regnskab|accounts)\\s+\\d{4}\\s*$", "").strip();
    }
}
