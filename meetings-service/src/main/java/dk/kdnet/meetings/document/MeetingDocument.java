package dk.kdnet.meetings.document;

import dk.kdnet.web.Downloads;
import java.time.LocalDate;
import java.util.List;

/**
 * What one PDF shows, already cut to what its reader may see and worded in Danish: the renderer only lays
 * it out. A closed item the reader may not see comes as {@link Item#closedForReader()} without content. {@code excerpt}
 * names the part of the meeting's document this one holds ("lukket punkt 57"); null for the whole document.
 */
public record MeetingDocument(DocumentKind kind, String bodyName, String meetingTitle, String meetingKind,
        LocalDate date, String time, String location, String caseNumber, String excerpt, List<Item> items) {

    public record Item(String number, String title, List<String> presenters, boolean closedForReader,
            String caseNumber, String summary, List<String> recommendation, String casePresentation,
            Decision decision, List<String> annexes) {

        /** "Punkt 57: GovTech Midtjylland /v. Formand for KD-Net", as in the reference documents. */
        public String heading() {
            if (closedForReader) {
                return "Punkt " + number + ": Lukket punkt";
            }
            return "Punkt " + number + ": " + title + (presenters.isEmpty() ? "" : " /v. " + String.join(", ", presenters));
        }
    }

    /** The decision as the minutes print it; null on items without one. */
    public record Decision(String outcome, String text, List<String> parts) {}

    /** "KD-Net (Dagsorden)", "KD-Net (Dagsorden, lukket punkt 57)". */
    public String heading() {
        return bodyName + " (" + kind.label + (excerpt == null ? "" : ", " + excerpt) + ")";
    }

    /** "KD-Net-2023-08-25-dagsorden.pdf", "KD-Net-2023-08-25-dagsorden-lukket-punkt-57.pdf". */
    public String fileName() {
        return Downloads.fileName(".pdf", bodyName, date, kind.slug, excerpt);
    }
}
