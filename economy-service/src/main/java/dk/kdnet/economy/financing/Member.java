package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An organization taking part in a scheme, with the keys the components need (null when a scheme
 * does not use them) and its membership dates (null: member before the year / still a member).
 *
 * @param exit the date the exit takes effect, i.e. the first day it is no longer a member
 * @param earlier earlier memberships of the same organization (it left and joined again), oldest first
 */
public record Member(
        String organizationId,
        PopulationFigure population,
        BigDecimal units,
        BigDecimal previousCharge,
        LocalDate joined,
        LocalDate exit,
        List<Period> earlier) {

    /** A membership that ended: joined (null: before any year charged) up to the first day no longer a member. */
    public record Period(LocalDate joined, LocalDate exit) {}

    public Member {
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    public Member(String organizationId, PopulationFigure population, BigDecimal units, BigDecimal previousCharge,
            LocalDate joined, LocalDate exit) {
        this(organizationId, population, units, previousCharge, joined, exit, List.of());
    }

    public static Member of(String organizationId) {
        return new Member(organizationId, null, null, null, null, null);
    }

    public Member withPopulation(long count, LocalDate referenceDate) {
        return withPopulation(new PopulationFigure(count, referenceDate));
    }

    public Member withPopulation(PopulationFigure figure) {
        return new Member(organizationId, figure, units, previousCharge, joined, exit, earlier);
    }

    /** The member with the tenures a roster has for it: the latest one's dates, the earlier ones as periods. */
    public Member during(List<Roster.Tenure> tenures) {
        if (tenures.isEmpty()) {
            return this;
        }
        var latest = tenures.getLast();
        var before = tenures.subList(0, tenures.size() - 1).stream()
                .map(t -> new Period(t.joinedOn(), t.exit())).toList();
        return new Member(organizationId, population, units, previousCharge, latest.joinedOn(), latest.exit(), before);
    }

    public Member withUnits(BigDecimal units) {
        return new Member(organizationId, population, units, previousCharge, joined, exit, earlier);
    }

    public Member withPreviousCharge(BigDecimal previousCharge) {
        return new Member(organizationId, population, units, previousCharge, joined, exit, earlier);
    }

    public Member joining(LocalDate joined) {
        return new Member(organizationId, population, units, previousCharge, joined, exit, earlier);
    }

    public Member exiting(LocalDate exit) {
        return new Member(organizationId, population, units, previousCharge, joined, exit, earlier);
    }

    /**
     * Months of the year the member pays for: from the first day of the month of joining, up to
     * the exit (a month begun counts whole). GovTech terms, decided by KD-Net 25 Aug 2023, item 57:
     * joining 13 March pays 10/12; an exit effective 1 April 2025 pays 3/12 of 2025.
     */
    public int monthsIn(int year) {
        // A month counts once, also when one membership ends and the next begins in it.
        var months = new boolean[12];
        mark(months, year, joined, exit);
        earlier.forEach(p -> mark(months, year, p.joined(), p.exit()));
        var count = 0;
        for (var paid : months) {
            count += paid ? 1 : 0;
        }
        return count;
    }

    private static void mark(boolean[] months, int year, LocalDate joined, LocalDate exit) {
        var start = LocalDate.of(year, 1, 1);
        var end = start.plusYears(1);
        var from = joined == null || joined.isBefore(start) ? start : joined.withDayOfMonth(1);
        var until = exit == null || exit.isAfter(end) ? end : startOfMonthOnOrAfter(exit);
        for (var month = from; month.isBefore(until); month = month.plusMonths(1)) {
            months[month.getMonthValue() - 1] = true;
        }
    }

    private static LocalDate startOfMonthOnOrAfter(LocalDate date) {
        return date.getDayOfMonth() == 1 ? date : date.withDayOfMonth(1).plusMonths(1);
    }
}
