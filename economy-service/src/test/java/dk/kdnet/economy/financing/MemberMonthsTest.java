package dk.kdnet.economy.financing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Months paid for under the GovTech terms decided by KD-Net 25 Aug 2023, item 57. */
class MemberMonthsTest {

    @Test
    void joiningOn13MarchPaysFromTheFirstOfMarchTenTwelfths() {
        var silkeborg = Member.of("silkeborg").joining(LocalDate.of(2024, 3, 13));

        assertEquals(10, silkeborg.monthsIn(2024));
        assertEquals(12, silkeborg.monthsIn(2025));
        assertEquals(0, silkeborg.monthsIn(2023));
    }

    @Test
    void noticeOn5March2024ExitsOn1April2025AndPaysThreeMonthsOf2025() {
        var member = Member.of("odder").exiting(LocalDate.of(2025, 4, 1));

        assertEquals(12, member.monthsIn(2024));
        assertEquals(3, member.monthsIn(2025));
        assertEquals(0, member.monthsIn(2026));
    }

    @Test
    void hedenstedsExitOn1January2024LeavesNoMonthIn2024() {
        var hedensted = Member.of("hedensted").exiting(LocalDate.of(2024, 1, 1));

        assertEquals(12, hedensted.monthsIn(2023));
        assertEquals(0, hedensted.monthsIn(2024));
    }

    @Test
    void anExitInsideAMonthPaysThatMonth() {
        assertEquals(4, Member.of("odder").exiting(LocalDate.of(2025, 4, 15)).monthsIn(2025));
    }

    @Test
    void aMemberJoiningNextYearPaysNothingThisYear() {
        var member = Member.of("viborg").joining(LocalDate.of(2025, 2, 1));

        assertEquals(0, member.monthsIn(2024));
        assertEquals(11, member.monthsIn(2025));
    }

    @Test
    void joiningAndLeavingInTheSameYearPaysTheMonthsBetween() {
        var member = Member.of("samso").joining(LocalDate.of(2024, 3, 13)).exiting(LocalDate.of(2024, 9, 1));

        assertEquals(6, member.monthsIn(2024));
    }
}
