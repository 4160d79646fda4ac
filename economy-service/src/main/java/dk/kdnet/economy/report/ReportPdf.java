package dk.kdnet.economy.report;

import static dk.kdnet.documents.TaggedPdf.Weight.BOLD;
import static dk.kdnet.documents.TaggedPdf.Weight.REGULAR;
import static dk.kdnet.documents.TaggedPdf.lineHeight;

import dk.kdnet.documents.TaggedPdf;
import dk.kdnet.documents.TaggedPdf.Column;
import dk.kdnet.documents.TaggedPdf.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * A Danish economy document (the annual report, a municipality's statement) as a tagged PDF like meetings-service's
 * agendas ({@link TaggedPdf}): an H1 title, H2 sections, P paragraphs and tables of amounts, in that order.
 */
public final class ReportPdf {

    private static final String CREATOR = "KD-Net economy-service";
    private static final float MARGIN = 50;

    private final String title;
    private final String footer;
    private final TaggedPdf pdf = new TaggedPdf(CREATOR, MARGIN);

    /** {@code footer} is printed left on every page, the page number right. */
    public ReportPdf(String title, String footer) {
        this.title = title;
        this.footer = footer;
    }

    public ReportPdf heading(String text) {
        pdf.text(text, BOLD, 16, 6, pdf.element(StandardStructureTypes.H1, pdf.root()));
        return this;
    }

    public ReportPdf subheading(String text) {
        pdf.space(8);
        pdf.ensureRoom(lineHeight(12) + 3 * lineHeight(9));
        pdf.text(text, BOLD, 12, 3, pdf.element(StandardStructureTypes.H2, pdf.root()));
        return this;
    }

    public ReportPdf paragraph(String text) {
        pdf.text(text, REGULAR, 10, 4, pdf.element(StandardStructureTypes.P, pdf.root()));
        return this;
    }

    /** A table: a header row of TH cells, then its rows; a row that does not fit goes on to the next page. */
    public ReportPdf table(List<Column> columns, List<String> header, List<Row> rows) {
        pdf.table(columns, header, rows, pdf.root());
        return this;
    }

    /** Draws the pages and writes the file. */
    public byte[] toBytes() {
        try (pdf; var out = new ByteArrayOutputStream()) {
            pdf.write(title, footer, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
