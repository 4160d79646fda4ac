package dk.kdnet.meetings.document;

import java.time.LocalDate;
import java.util.List;

/**
 * What one PDF shows, already cut to what its reader may see and worded in Danish: the renderer only lays
 * it out. A closed item the reader may not see comes as {@link Item#closedForReader()} without content.
 */
public record MeetingDocument(DocumentKind kind, String bodyName, String meetingTitle, String meetingKind,
        LocalDate date, String time, String location, String caseNumber, List<Item> items) {

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

    /** "KD-Net (Dagsorden)". */
    public String heading() {
        return bodyName + " (" + kind.label + ")";
    }

    /** "dagsorden-2023-08-25.pdf". */
    public String fileName() {
        return kind.slug + "-" + date + ".pdf";
    }
}
