package dk.kdnet.economy.financing;

import java.time.LocalDate;

/**
 * A population count on a reference date (e.g. 1 Jan 2023, Danmarks Statistik), where it comes from, and, for a
 * given figure that groups-service records otherwise, the recorded one beside it.
 */
public record PopulationFigure(long count, LocalDate referenceDate, Source source, Long recorded) {

    public enum Source {
        /** Recorded by groups-service for the date. */
        RECORDED,
        /** Given for this scheme (with a member, or in a scenario). */
        GIVEN
    }

    /** A figure given to the calculation. */
    public PopulationFigure(long count, LocalDate referenceDate) {
        this(count, referenceDate, Source.GIVEN, null);
    }
}
