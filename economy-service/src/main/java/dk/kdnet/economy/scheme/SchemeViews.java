package dk.kdnet.economy.scheme;

import dk.kdnet.economy.scheme.SchemeApi.SchemeView;

/** Scheme → view: the stored parts as their REST records, the stored status as the API's. */
final class SchemeViews {

    private SchemeViews() {}

    static SchemeView of(Scheme s) {
        return new SchemeView(s.id, s.ownerKind, s.ownerId, s.name, s.year, s.budgetMode, s.rounding, s.sharedTotal,
                s.indexation, SchemeParts.componentSpecs(s.storedComponents()),
                SchemeParts.memberSpecs(s.storedMembers()), SchemeParts.correctionSpecs(s.storedCorrections()),
                s.basis(), SchemeApi.Status.valueOf(s.status.name()), s.approvedAt, s.total, s.sumOfRows, s.version);
    }
}
