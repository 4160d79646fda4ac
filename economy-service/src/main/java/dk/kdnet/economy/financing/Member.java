package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An organization taking part in a scheme, with the keys the components need (null when a scheme
 * does not use them) and its membership dates (null: member before the year / still a member).
 *
 * @param exit the date the exit takes effect, i.e. the first day it is no longer a member
 */
public record Member(
        String organizationId,
        PopulationFigure population,
        BigDecimal units,
        BigDecimal previousCharge,
        LocalDate joined,
        LocalDate exit) {

    public static Member of(String organizationId) {
        return new Member(organizationId, null, null, null, null, null);
    }

    public Member withPopulation(long count, LocalDate referenceDate) {
        var figure = new PopulationFigure(count, referenceDate);
        return new Member(organizationId, figure, units, previousCharge, joined, exit);
    }

    public Member withUnits(BigDecimal units) {
        return new Member(organizationId, population, units, previousCharge, joined, exit);
    }

    public Member withPreviousCharge(BigDecimal previousCharge) {
        return new Member(organizationId, population, units, previousCharge, joined, exit);
    }

    public Member joining(LocalDate joined) {
        return new Member(organizationId, population, units, previousCharge, joined, exit);
    }

    public Member exiting(LocalDate exit) {
        return new Member(organizationId, population, units, previousCharge, joined, exit);
    }

    /**
     * Months of the year the member pays for: from the first day of the month of joining, up to
     * the exit (a month begun counts whole). GovTech terms, decided by KD-Net 25 Aug 2023, item 57:
     * joining 13 March pays 10/12; an exit effective 1 April 2025 pays 3/12 of 2025.
     */
    public int monthsIn(int year) {
        var start = LocalDate.of(year, 1, 1);
        var end = start.plusYears(1);
        var from = joined == null || joined.isBefore(start) ? start : joined.withDayOfMonth(1);
        var until = exit == null || exit.isAfter(end) ? end : startOfMonthOnOrAfter(exit);
        return from.isBefore(until) ? (int) ChronoUnit.MONTHS.between(from, until) : 0;
    }

    private static LocalDate startOfMonthOnOrAfter(LocalDate date) {
        return date.getDayOfMonth() == 1 ? date : date.withDayOfMonth(1).plusMonths(1);
    }
}
