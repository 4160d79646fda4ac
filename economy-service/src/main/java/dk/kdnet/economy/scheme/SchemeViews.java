package dk.kdnet.economy.scheme;

import dk.kdnet.economy.scheme.SchemeApi.SchemeView;

/** Scheme → view; the JSON parts are parsed back into their records. */
final class SchemeViews {

    private SchemeViews() {}

    static SchemeView of(Scheme s) {
        return new SchemeView(s.id, s.ownerKind, s.ownerId, s.name, s.year, s.budgetMode, s.rounding, s.sharedTotal,
                s.indexation, s.componentSpecs(), s.memberSpecs(), s.correctionSpecs(), s.basis(), s.status, s.approvedAt,
                s.total, s.sumOfRows, s.version);
    }
}
