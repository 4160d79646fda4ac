package dk.kdnet.meetings.document;

import static dk.kdnet.documents.TaggedPdf.Weight.BOLD;
import static dk.kdnet.documents.TaggedPdf.Weight.REGULAR;
import static dk.kdnet.documents.TaggedPdf.lineHeight;

import dk.kdnet.documents.TaggedPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Lays out an agenda or minutes in the layout of the reference documents: title block and "Indhold" on the first
 * page(s), then every item with its sections, "Samlet bilagsliste" at the end, "Side X af Y" on every page; the
 * contents name the page each item's heading lands on. {@link TaggedPdf} tags and writes it (PDF/UA-1, PDF/A-2a).
 * <p>
 * The structure, in reading order: Document; H1 title; H2 "Indhold" with a TOC; per item a Sect with its H2 heading,
 * H3 sections, P paragraphs and L lists of LI with Lbl and LBody; H4 for headings within Markdown; a bookmark per
 * H2.
 */
public final class MeetingPdf {

    private static final String CREATOR = "KD-Net meetings-service";
    private static final float MARGIN = 56;

    private final MeetingDocument document;
    private final TaggedPdf pdf;
    /** The page each item's heading landed on, for the contents. */
    private final int[] itemPages;

    private MeetingPdf(MeetingDocument document, TaggedPdf pdf) {
        this.document = document;
        this.pdf = pdf;
        this.itemPages = new int[document.items().size()];
    }

    /** Writes the PDF to {@code out} as it is saved, without a copy in between. */
    public static void write(MeetingDocument document, OutputStream out) throws IOException {
        try (var pdf = new TaggedPdf(CREATOR, MARGIN)) {
            new MeetingPdf(document, pdf).layout();
            pdf.write(document.heading() + " " + document.date(),
                    document.bodyName() + " · " + document.kind().label + " · " + document.time(), out);
        }
    }

    private void layout() {
        var root = pdf.root();
        pdf.text(document.heading(), BOLD, 20, 0, pdf.element(StandardStructureTypes.H1, root));
        pdf.space(6);
        field("Møde", document.meetingTitle() + " (" + document.meetingKind() + ")");
        field("Mødetid", document.time());
        field("Mødested", document.location());
        if (document.caseNumber() != null) {
            field("Sagsnummer", document.caseNumber());
        }
        pdf.space(14);
        heading("Indhold", 14, root);
        pdf.space(4);
        var contents = pdf.element(StandardStructureTypes.TOC, root);
        var items = document.items();
        for (var i = 0; i < items.size(); i++) {
            var index = i;
            pdf.contentsEntry(items.get(i).heading(), () -> itemPages[index], contents);
        }
        var annexes = new ArrayList<String>();
        for (var i = 0; i < items.size(); i++) {
            var item = items.get(i);
            // Each item starts on a new page after the contents, else it keeps its heading with some text.
            if (i == 0) {
                pdf.newPage();
            } else {
                pdf.space(14);
                pdf.ensureRoom(80);
            }
            itemPages[i] = pdf.currentPage();
            var sect = pdf.element(StandardStructureTypes.SECT, root);
            heading(item.heading(), 13, sect);
            if (item.closedForReader()) {
                section("Lukket punkt", sect);
                paragraph("Punktet er lukket og indgår ikke i den offentlige udgave.", 0, sect);
                continue;
            }
            if (item.caseNumber() != null) {
                pdf.text(item.caseNumber(), REGULAR, 9, 0, pdf.element(StandardStructureTypes.P, sect));
            }
            if (item.summary() != null && !item.summary().isBlank()) {
                section("Resumé", sect);
                markdown(item.summary(), sect);
            }
            if (!item.recommendation().isEmpty()) {
                section("Indstilling", sect);
                recommendation(item.recommendation(), sect);
            }
            if (item.casePresentation() != null && !item.casePresentation().isBlank()) {
                section("Sagsfremstilling", sect);
                markdown(item.casePresentation(), sect);
            }
            if (document.kind() == DocumentKind.MINUTES) {
                section("Beslutning", sect);
                decision(item.decision(), sect);
            }
            if (!item.annexes().isEmpty()) {
                section("Bilag", sect);
                var list = pdf.element(StandardStructureTypes.L, sect);
                for (var annex : item.annexes()) {
                    pdf.listItem("•", annex, list);
                }
                annexes.addAll(item.annexes());
            }
        }
        pdf.space(20);
        pdf.ensureRoom(60);
        heading("Samlet bilagsliste", 14, root);
        pdf.space(4);
        if (annexes.isEmpty()) {
            paragraph("Ingen bilag.", 0, root);
        } else {
            var list = pdf.element(StandardStructureTypes.L, root);
            for (var annex : annexes) {
                pdf.listItem("•", annex, list);
            }
        }
    }

    /** A heading of the document's outline: H2, and a bookmark where it lands. */
    private void heading(String title, float size, PDStructureElement parent) {
        pdf.ensureRoom(lineHeight(size) + 2 * lineHeight(10));
        pdf.bookmark(title);
        pdf.text(title, BOLD, size, 0, pdf.element(StandardStructureTypes.H2, parent));
    }

    private void field(String label, String value) {
        pdf.text(label + ": " + value, REGULAR, 11, 2, pdf.element(StandardStructureTypes.P, pdf.root()));
    }

    private void paragraph(String text, float after, PDStructureElement parent) {
        pdf.text(text, REGULAR, 10, after, pdf.element(StandardStructureTypes.P, parent));
    }

    private void section(String title, PDStructureElement parent) {
        pdf.space(8);
        pdf.ensureRoom(lineHeight(11) + 2 * lineHeight(10));
        pdf.text(title, BOLD, 11, 2, pdf.element(StandardStructureTypes.H3, parent));
    }

    private void recommendation(List<String> parts, PDStructureElement parent) {
        if (parts.size() == 1) {
            paragraph(parts.getFirst(), 3, parent);
            return;
        }
        var list = pdf.element(StandardStructureTypes.L, parent);
        for (var i = 0; i < parts.size(); i++) {
            pdf.listItem((i + 1) + ".", parts.get(i), list);
        }
    }

    private void decision(MeetingDocument.Decision decision, PDStructureElement parent) {
        if (decision == null) {
            paragraph("Ingen beslutning registreret.", 3, parent);
            return;
        }
        pdf.text(decision.outcome(), BOLD, 10, 3, pdf.element(StandardStructureTypes.P, parent));
        if (decision.text() != null) {
            markdown(decision.text(), parent);
        }
        if (!decision.parts().isEmpty()) {
            var list = pdf.element(StandardStructureTypes.L, parent);
            for (var part : decision.parts()) {
                pdf.listItem("•", part, list);
            }
        }
    }

    /** Markdown's blocks; bullets in a row are one list. */
    private void markdown(String markdown, PDStructureElement parent) {
        PDStructureElement list = null;
        for (var block : Markdown.blocks(markdown)) {
            if (block.kind() != Markdown.Kind.BULLET) {
                list = null;
            }
            switch (block.kind()) {
                case HEADING -> pdf.text(block.text(), BOLD, 10, 4, pdf.element(StandardStructureTypes.H4, parent));
                case PARAGRAPH -> paragraph(block.text(), 4, parent);
                case BULLET -> {
                    if (list == null) {
                        list = pdf.element(StandardStructureTypes.L, parent);
                    }
                    pdf.listItem(block.marker(), block.text(), list);
                }
            }
        }
    }
}
