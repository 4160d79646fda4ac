package dk.kdnet.meetings.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out and writes an agenda or minutes in the layout of the reference documents: title block and "Indhold"
 * on the first page(s), then every item with its sections, "Samlet bilagsliste" at the end, "Side X af Y" on
 * every page. Two passes: the whole document is laid out first, so the contents can name the page each item's
 * heading landed on and the footer the page count; then it is drawn. DejaVu Sans (embedded as a subset) prints
 * æøå and anything else Danish text holds.
 */
public final class MeetingPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float TOP = PAGE.getHeight() - 56;
    private static final float BOTTOM = 64;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float PAGE_COLUMN = 36;
    private static final float INDENT = 16;
    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");

    /** One line of text at a place on a page; {@code pageOfItem} ≥ 0 prints the page that item starts on. */
    private record Run(float x, float y, PDFont font, float size, String text, int pageOfItem) {}

    private final MeetingDocument document;
    private final PDDocument pdf;
    private final PDFont regular;
    private final PDFont bold;
    /** Whether a font has a code point's glyph; the key holds the code point and a bit for bold. */
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<List<Run>> pages = new ArrayList<>();
    private final int[] itemPages;
    private float y;

    private MeetingPdf(MeetingDocument document, PDDocument pdf) throws IOException {
        this.document = document;
        this.pdf = pdf;
        this.regular = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)), true);
        this.bold = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(BOLD)), true);
        this.itemPages = new int[document.items().size()];
    }

    /** Writes the PDF to {@code out} as it is saved, without a copy in between. */
    public static void write(MeetingDocument document, OutputStream out) throws IOException {
        try (var pdf = new PDDocument()) {
            var writer = new MeetingPdf(document, pdf);
            writer.layout();
            writer.draw();
            pdf.getDocumentInformation().setTitle(document.heading() + " " + document.date());
            pdf.getDocumentInformation().setCreator("KD-Net meetings-service");
            pdf.save(out);
        }
    }

    private void layout() throws IOException {
        newPage();
        text(document.heading(), bold, 20, 0, 0);
        y -= 6;
        field("Møde", document.meetingTitle() + " (" + document.meetingKind() + ")");
        field("Mødetid", document.time());
        field("Mødested", document.location());
        if (document.caseNumber() != null) {
            field("Sagsnummer", document.caseNumber());
        }
        y -= 14;
        text("Indhold", bold, 14, 0, 0);
        y -= 4;
        var items = document.items();
        for (var i = 0; i < items.size(); i++) {
            contentsEntry(items.get(i).heading(), i);
        }
        var annexes = new ArrayList<String>();
        for (var i = 0; i < items.size(); i++) {
            var item = items.get(i);
            // Each item starts on a new page after the contents, else it keeps its heading with some text.
            if (i == 0) {
                newPage();
            } else {
                y -= 14;
                ensure(80);
            }
            itemPages[i] = pages.size();
            text(item.heading(), bold, 13, 0, 0);
            if (item.closedForReader()) {
                section("Lukket punkt");
                text("Punktet er lukket og indgår ikke i den offentlige udgave.", regular, 10, 0, 0);
                continue;
            }
            if (item.caseNumber() != null) {
                text(item.caseNumber(), regular, 9, 0, 0);
            }
            if (item.summary() != null && !item.summary().isBlank()) {
                section("Resumé");
                markdown(item.summary());
            }
            if (!item.recommendation().isEmpty()) {
                section("Indstilling");
                recommendation(item.recommendation());
            }
            if (item.casePresentation() != null && !item.casePresentation().isBlank()) {
                section("Sagsfremstilling");
                markdown(item.casePresentation());
            }
            if (document.kind() == DocumentKind.MINUTES) {
                section("Beslutning");
                decision(item.decision());
            }
            if (!item.annexes().isEmpty()) {
                section("Bilag");
                for (var annex : item.annexes()) {
                    bullet("•", annex);
                }
                annexes.addAll(item.annexes());
            }
        }
        y -= 20;
        ensure(60);
        text("Samlet bilagsliste", bold, 14, 0, 0);
        y -= 4;
        if (annexes.isEmpty()) {
            text("Ingen bilag.", regular, 10, 0, 0);
        }
        for (var annex : annexes) {
            bullet("•", annex);
        }
    }

    private void field(String label, String value) throws IOException {
        text(label + ": " + value, regular, 11, 0, 2);
    }

    private void contentsEntry(String heading, int item) throws IOException {
        var lines = wrap(heading, regular, 10, WIDTH - PAGE_COLUMN);
        ensure(lines.size() * lineHeight(10));
        for (var line : lines) {
            y -= lineHeight(10);
            add(new Run(MARGIN, y, regular, 10, line, -1));
        }
        add(new Run(MARGIN + WIDTH, y, regular, 10, "", item));
        y -= 3;
    }

    private void section(String title) throws IOException {
        y -= 8;
        ensure(lineHeight(11) + 2 * lineHeight(10));
        text(title, bold, 11, 0, 2);
    }

    private void recommendation(List<String> parts) throws IOException {
        if (parts.size() == 1) {
            text(parts.getFirst(), regular, 10, 0, 3);
            return;
        }
        for (var i = 0; i < parts.size(); i++) {
            bullet((i + 1) + ".", parts.get(i));
        }
    }

    private void decision(MeetingDocument.Decision decision) throws IOException {
        if (decision == null) {
            text("Ingen beslutning registreret.", regular, 10, 0, 3);
            return;
        }
        text(decision.outcome(), bold, 10, 0, 3);
        if (decision.text() != null) {
            markdown(decision.text());
        }
        for (var part : decision.parts()) {
            bullet("•", part);
        }
    }

    private void markdown(String markdown) throws IOException {
        for (var block : Markdown.blocks(markdown)) {
            switch (block.kind()) {
                case HEADING -> text(block.text(), bold, 10, 0, 4);
                case PARAGRAPH -> text(block.text(), regular, 10, 0, 4);
                case BULLET -> bullet(block.marker(), block.text());
            }
        }
    }

    private void bullet(String marker, String text) throws IOException {
        var lines = wrap(text, regular, 10, WIDTH - INDENT);
        for (var i = 0; i < lines.size(); i++) {
            ensure(lineHeight(10));
            y -= lineHeight(10);
            if (i == 0) {
                add(new Run(MARGIN, y, regular, 10, printable(marker, regular), -1));
            }
            add(new Run(MARGIN + INDENT, y, regular, 10, lines.get(i), -1));
        }
        y -= 2;
    }

    private void text(String text, PDFont font, float size, float indent, float after) throws IOException {
        for (var line : wrap(text, font, size, WIDTH - indent)) {
            ensure(lineHeight(size));
            y -= lineHeight(size);
            add(new Run(MARGIN + indent, y, font, size, line, -1));
        }
        y -= after;
    }

    private static float lineHeight(float size) {
        return size * 1.35f;
    }

    private void ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        pages.add(new ArrayList<>());
        y = TOP;
    }

    private void add(Run run) {
        pages.getLast().add(run);
    }

    /** The words of {@code text} in lines no wider than {@code width}; a word wider than a line is cut. */
    private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : printable(text, font).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            var candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > width) {
                var cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Whitespace as plain spaces, and '?' for what the font has no glyph for (rather than failing the document). */
    private String printable(String text, PDFont font) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (printable.computeIfAbsent((font == bold ? 1 << 24 : 0) | c, k -> encodes(font, c))) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void draw() throws IOException {
        var total = pages.size();
        var footer = document.bodyName() + " · " + document.kind().label + " · " + document.time();
        for (var p = 0; p < total; p++) {
            var page = new PDPage(PAGE);
            pdf.addPage(page);
            try (var content = new PDPageContentStream(pdf, page)) {
                for (var run : pages.get(p)) {
                    if (run.pageOfItem() >= 0) {
                        var number = String.valueOf(itemPages[run.pageOfItem()]);
                        show(content, run.font(), run.size(), run.x() - width(number, run.font(), run.size()),
                                run.y(), number);
                    } else {
                        show(content, run.font(), run.size(), run.x(), run.y(), run.text());
                    }
                }
                var side = "Side " + (p + 1) + " af " + total;
                show(content, regular, 8, MARGIN, BOTTOM - 30, printable(footer, regular));
                show(content, regular, 8, MARGIN + WIDTH - width(side, regular, 8), BOTTOM - 30, side);
            }
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static byte[] resource(String name) {
        try (InputStream in = MeetingPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
