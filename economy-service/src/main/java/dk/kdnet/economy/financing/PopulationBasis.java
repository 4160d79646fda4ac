package dk.kdnet.economy.financing;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which population figure a member is charged by, on the scheme's reference date. Either way the figure used is
 * named in the charge's breakdown with its source, so a figure is never swapped without a word.
 */
public enum PopulationBasis {
    /**
     * groups-service's figure for the date. A figure given with a member must equal it, or the scheme is refused
     * naming both; a given figure counts only while none is recorded, and a figure recorded later takes over.
     */
    RECORDED,
    /**
     * The figures given with the scheme: an old table's printed populations, which may differ from today's
     * registry. They are used as given and marked so, with groups-service's figure beside them where it differs;
     * a member given none is charged by the recorded one.
     */
    GIVEN;

    /** The figure to charge by; null when there is none. */
    public PopulationFigure choose(PopulationFigure given, Long recorded, LocalDate date) {
        var recordedFigure = recorded == null ? null
                : new PopulationFigure(recorded, date, PopulationFigure.Source.RECORDED, null);
        var givenFigure = given == null || given.source() != PopulationFigure.Source.GIVEN ? null
                : new PopulationFigure(given.count(), date, PopulationFigure.Source.GIVEN,
                        recorded == null || recorded == given.count() ? null : recorded);
        return switch (this) {
            case RECORDED -> recordedFigure != null ? recordedFigure : given;
            case GIVEN -> givenFigure != null ? givenFigure : recordedFigure != null ? recordedFigure : given;
        };
    }

    /** Refuses, under RECORDED, a given figure that differs from the one recorded for the date. */
    public void check(String field, Long given, Long recorded, LocalDate date) {
        if (this == RECORDED && given != null && recorded != null && !given.equals(recorded)) {
            throw new InvalidSchemeException(field, "given as " + format(given) + " but groups-service recorded "
                    + format(recorded) + " for " + date + "; leave it out, or give the scheme populationBasis GIVEN "
                    + "to charge by the figures given with it");
        }
    }

    private static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
