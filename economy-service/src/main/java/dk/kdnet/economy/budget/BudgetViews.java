package dk.kdnet.economy.budget;

import dk.kdnet.economy.budget.BudgetApi.BudgetView;
import dk.kdnet.economy.budget.BudgetApi.VersionView;

/** Budget → view with the sums of one of its versions. */
final class BudgetViews {

    private BudgetViews() {}

    static BudgetView of(Budget b, BudgetVersion version) {
        var totals = version.totals();
        return new BudgetView(b.id, b.ownerKind, b.ownerId, b.year, b.kind, b.title, version.number, version.status,
                version.statusAt, totals.lines(), totals.income(), totals.expenses(), totals.result(),
                totals.carriedIn(), totals.carriedOut(), totals.printedTotals(), totals.differences(), b.version);
    }

    static VersionView version(BudgetVersion v) {
        return new VersionView(v.number, v.status, v.createdAt, v.statusAt,
                v.totals().result(), v.decision(), v.version);
    }
}
