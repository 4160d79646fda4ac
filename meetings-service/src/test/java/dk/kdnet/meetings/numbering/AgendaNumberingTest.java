package dk.kdnet.meetings.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgendaNumberingTest {

    private static List<Integer> unnumbered(int count) {
        return new ArrayList<>(Collections.nCopies(count, (Integer) null));
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void kdNet2023RunsOnFromMeetingToMeeting() {
        var used = new ArrayList<>(range(1, 17));
        var january = AgendaNumbering.freeze(unnumbered(3), used);
        assertEquals(range(18, 20), january);
        used.addAll(january);
        used.addAll(range(21, 34)); // the meetings between January and June, e.g. 14 April 2023
        var june = AgendaNumbering.freeze(unnumbered(17), used);
        assertEquals(range(35, 51), june);
        used.addAll(june);
        var august = AgendaNumbering.freeze(unnumbered(12), used);
        assertEquals(range(52, 63), august);
    }

    @Test
    void perMeetingNumbersStartAtOneInEachMeeting() {
        assertEquals(List.of(1, 2, 3, 4), AgendaNumbering.freeze(unnumbered(4), List.of()));
    }

    @Test
    void anItemAddedAfterPublicationTakesTheNextFreeNumber() {
        var august = range(52, 63);
        assertEquals(64, AgendaNumbering.next(august));
    }

    @Test
    void numbersOfACancelledMeetingAreNotReused() {
        // A meeting published as 52–55 and then cancelled keeps its numbers in the period.
        var used = new ArrayList<>(range(1, 51));
        used.addAll(range(52, 55));
        assertEquals(range(56, 58), AgendaNumbering.freeze(unnumbered(3), used));
    }

    @Test
    void itemsWithANumberKeepItAndTheOthersFollowInOrder() {
        var current = new ArrayList<Integer>(Collections.nCopies(3, (Integer) null));
        current.set(0, 52);
        assertEquals(List.of(52, 53, 54), AgendaNumbering.freeze(current, range(1, 51)));
    }

    @Test
    void aPostponedItemIsNumberedAgainInItsTargetMeeting() {
        // Item 56 of 25 Aug 2023 was postponed to 10 Nov 2023: there it is one of the new agenda's items.
        var used = new ArrayList<>(range(1, 63));
        var november = AgendaNumbering.freeze(unnumbered(5), used);
        assertEquals(range(64, 68), november);
    }

    @Test
    void continuousYearlyResetsOnNewYear() {
        var id = UUID.randomUUID();
        var policy = NumberingPolicy.CONTINUOUS_YEARLY;
        assertEquals(policy.period(id, LocalDate.of(2023, 1, 27)), policy.period(UUID.randomUUID(),
                LocalDate.of(2023, 8, 25)));
        assertNotEquals(policy.period(id, LocalDate.of(2023, 12, 31)), policy.period(id, LocalDate.of(2024, 1, 1)));
    }

    @Test
    void electoralTermRunsFourYearsFrom2022() {
        var policy = NumberingPolicy.CONTINUOUS_ELECTORAL_TERM;
        var id = UUID.randomUUID();
        assertEquals("term-2022", policy.period(id, LocalDate.of(2023, 8, 25)));
        assertEquals("term-2022", policy.period(id, LocalDate.of(2025, 12, 31)));
        assertEquals("term-2026", policy.period(id, LocalDate.of(2026, 1, 1)));
        assertEquals("term-2018", policy.period(id, LocalDate.of(2021, 6, 1)));
    }

    @Test
    void perMeetingPeriodIsTheMeetingItself() {
        var policy = NumberingPolicy.PER_MEETING;
        var date = LocalDate.of(2021, 3, 1);
        assertNotEquals(policy.period(UUID.randomUUID(), date), policy.period(UUID.randomUUID(), date));
    }
}
