package dk.kdnet.groups.collaboration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.groups.collaboration.MembershipTerms.NoticeCountedFrom;
import dk.kdnet.groups.collaboration.MembershipTerms.TransitionalRule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTermsTest {

    private static final TransitionalRule NOTICE_BY_AUGUST_MEETING = new TransitionalRule(LocalDate.of(2023, 8, 25),
            LocalDate.of(2024, 1, 1));

    /** GovTech Midtjylland, decided by KD-Net 25 Aug 2023, item 57. */
    private static final MembershipTerms AUGUST_2023 = new MembershipTerms(12, NoticeCountedFrom.MONTH_OF_NOTICE,
            List.of(NOTICE_BY_AUGUST_MEETING));

    /** The draft of 2 June 2023, item 43: "current year + 1 year", exception 2023. */
    private static final MembershipTerms JUNE_2023_DRAFT = new MembershipTerms(12, NoticeCountedFrom.YEAR_OF_NOTICE,
            List.of(NOTICE_BY_AUGUST_MEETING));

    @Test
    void noticeInMarch2024EndsMembershipOnFirstAprilNextYear() {
        assertEquals(LocalDate.of(2025, 4, 1), AUGUST_2023.effectiveExit(LocalDate.of(2024, 3, 5)));
    }

    @Test
    void hedenstedsNoticeAtTheAugustMeetingTakesEffectNewYear2024() {
        assertEquals(LocalDate.of(2024, 1, 1), AUGUST_2023.effectiveExit(LocalDate.of(2023, 8, 25)));
    }

    @Test
    void noticeTheDayAfterTheTransitionalDeadlineFollowsTheGeneralRule() {
        assertEquals(LocalDate.of(2024, 9, 1), AUGUST_2023.effectiveExit(LocalDate.of(2023, 8, 26)));
    }

    @Test
    void noticeOnNewYearsEve2024EndsOnNewYear2026() {
        assertEquals(LocalDate.of(2026, 1, 1), AUGUST_2023.effectiveExit(LocalDate.of(2024, 12, 31)));
        assertEquals(LocalDate.of(2026, 1, 1), JUNE_2023_DRAFT.effectiveExit(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void juneDraftKeepsAMarchNoticeUntilTheYearAfterNext() {
        assertEquals(LocalDate.of(2026, 1, 1), JUNE_2023_DRAFT.effectiveExit(LocalDate.of(2024, 3, 5)));
        assertEquals(LocalDate.of(2027, 1, 1), JUNE_2023_DRAFT.effectiveExit(LocalDate.of(2025, 1, 2)));
        assertEquals(LocalDate.of(2024, 1, 1), JUNE_2023_DRAFT.effectiveExit(LocalDate.of(2023, 6, 2)));
    }

    @Test
    void theVersionInForceOnTheNoticeDateApplies() {
        record Version(String name, LocalDate validFrom) {}
        var versions = List.of(new Version("2023-06-02-draft", LocalDate.of(2023, 6, 2)),
                new Version("2023-08-25", LocalDate.of(2023, 8, 25)));
        assertEquals("2023-06-02-draft",
                MembershipTerms.inForce(versions, Version::validFrom, LocalDate.of(2023, 8, 24)).orElseThrow().name());
        assertEquals("2023-08-25",
                MembershipTerms.inForce(versions, Version::validFrom, LocalDate.of(2023, 8, 25)).orElseThrow().name());
        assertEquals(true, MembershipTerms.inForce(versions, Version::validFrom, LocalDate.of(2023, 1, 1)).isEmpty());
    }
}
