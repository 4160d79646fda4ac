package dk.kdnet.meetings.numbering;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How a body numbers its agenda items. PER_MEETING starts at 1 in each meeting (KD-Net 2020–21);
 * the CONTINUOUS policies run on across meetings within a calendar year (KD-Net 2023: 18–20 in
 * January, 35–51 in June, 52–63 in August) or within a municipal electoral term.
 */
public enum NumberingPolicy {
    PER_MEETING, CONTINUOUS_YEARLY, CONTINUOUS_ELECTORAL_TERM;

    /** Danish municipal electoral terms run four years from 1 January 2022. */
    static final int A_TERM_START = 2022;

    /** The period whose meetings share one sequence of numbers. */
    public String period(UUID meetingId, LocalDate meetingDate) {
        return switch (this) {
            case PER_MEETING -> "meeting-" + meetingId;
            case CONTINUOUS_YEARLY -> "year-" + meetingDate.getYear();
            case CONTINUOUS_ELECTORAL_TERM ->
                "term-" + (A_TERM_START + Math.floorDiv(meetingDate.getYear() - A_TERM_START, 4) * 4);
        };
    }
}
