package dk.kdnet.economy.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A Danish economy document (the annual report, a municipality's statement) as a tagged PDF, the way
 * meetings-service writes its agendas: headings, paragraphs and tables laid out on A4 pages first, then drawn, every
 * line tagged content of its structure element in reading order (Document; H1, H2, P; Table of TR with TH and TD),
 * "Side X af Y" in the footer as an artifact; language da-DK, the title as window title, DejaVu Sans embedded, XMP
 * claiming PDF/UA-1 and PDF/A-2a, an sRGB output intent. Amounts are right-aligned in their columns.
 */
public final class ReportPdf {

    /** A table column: its share of the text width, and whether its cells are right-aligned (amounts). */
    public record Column(float share, boolean right) {}

    /** A table row: its cells (null: blank), the first cell indented by {@code level} steps, bold or not. */
    public record Row(List<String> cells, int level, boolean bold) {}

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = PAGE.getHeight() - 56;
    private static final float BOTTOM = 64;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float INDENT = 10;
    private static final float GAP = 6;
    private static final float TABLE_SIZE = 8.5f;
    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    private static final String LANGUAGE = "da-DK";
    private static final String CREATOR = "KD-Net economy-service";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private record Run(float x, float y, PDFont font, float size, String text, PDStructureElement element) {}

    private final String title;
    private final String footer;
    private final PDDocument pdf = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    /** Whether a font has a code point's glyph; the key holds the code point and a bit for bold. */
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<List<Run>> pages = new ArrayList<>();
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement root;
    private float y;

    /** {@code footer} is printed left on every page, the page number right. */
    public ReportPdf(String title, String footer) {
        this.title = title;
        this.footer = footer;
        try {
            regular = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)), true);
            bold = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(BOLD)), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, structure);
        structure.appendKid(root);
        newPage();
    }

    public ReportPdf heading(String text) {
        text(text, bold, 16, 0, 6, element(StandardStructureTypes.H1, root));
        return this;
    }

    public ReportPdf subheading(String text) {
        y -= 8;
        ensure(lineHeight(12) + 3 * lineHeight(9));
        text(text, bold, 12, 0, 3, element(StandardStructureTypes.H2, root));
        return this;
    }

    public ReportPdf paragraph(String text) {
        text(text, regular, 10, 0, 4, element(StandardStructureTypes.P, root));
        return this;
    }

    /** A table: a header row of TH cells, then its rows; a row that does not fit goes on to the next page. */
    public ReportPdf table(List<Column> columns, List<String> header, List<Row> rows) {
        y -= 4;
        var table = element(StandardStructureTypes.TABLE, root);
        row(table, columns, new Row(header, 0, true), StandardStructureTypes.TH, TABLE_SIZE);
        for (var row : rows) {
            row(table, columns, row, StandardStructureTypes.TD, TABLE_SIZE);
        }
        y -= 4;
        return this;
    }

    private void row(PDStructureElement table, List<Column> columns, Row row, String cellType, float size) {
        var font = row.bold() ? bold : regular;
        var lines = new ArrayList<List<String>>();
        var height = 1;
        for (var c = 0; c < columns.size(); c++) {
            var cell = c < row.cells().size() ? row.cells().get(c) : null;
            var indent = c == 0 ? row.level() * INDENT : 0;
            var wrapped = cell == null ? List.<String>of() : wrap(cell, font, size, width(columns, c) - GAP - indent);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        ensure(height * lineHeight(size) + 2);
        var tr = element(StandardStructureTypes.TR, table);
        var x = MARGIN;
        var top = y;
        for (var c = 0; c < columns.size(); c++) {
            var column = columns.get(c);
            var cellWidth = width(columns, c);
            var cell = element(cellType, tr);
            var lineY = top;
            for (var line : lines.get(c)) {
                lineY -= lineHeight(size);
                var left = column.right() ? x + cellWidth - width(line, font, size)
                        : x + (c == 0 ? row.level() * INDENT : 0);
                pages.getLast().add(new Run(left, lineY, font, size, line, cell));
            }
            x += cellWidth;
        }
        y = top - height * lineHeight(size) - 2;
    }

    private static float width(List<Column> columns, int c) {
        var total = (float) columns.stream().mapToDouble(Column::share).sum();
        return WIDTH * columns.get(c).share() / total;
    }

    private PDStructureElement element(String type, PDStructureElement parent) {
        var element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    private void text(String text, PDFont font, float size, float indent, float after, PDStructureElement element) {
        var lines = wrap(text, font, size, WIDTH - indent);
        for (var i = 0; i < lines.size(); i++) {
            ensure(lineHeight(size));
            y -= lineHeight(size);
            // A line that wraps ends in a space, so that text read from the tags keeps its words apart.
            pages.getLast().add(new Run(MARGIN + indent, y, font, size,
                    i < lines.size() - 1 ? lines.get(i) + " " : lines.get(i), element));
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

    /** The words of {@code text} in lines no wider than {@code width}; a word wider than a line is cut. */
    private List<String> wrap(String text, PDFont font, float size, float width) {
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
            while (word.length() > 1 && width(word, font, size) > width) {
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

    private static float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Draws the pages and writes the file. */
    public byte[] toBytes() {
        try (pdf; var out = new ByteArrayOutputStream()) {
            draw();
            describe();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw() throws IOException {
        var total = pages.size();
        var parents = new HashMap<Integer, COSObjectable>();
        for (var p = 0; p < total; p++) {
            var page = new PDPage(PAGE);
            pdf.addPage(page);
            page.setStructParents(p);
            var owners = new COSArray();
            try (var content = new PDPageContentStream(pdf, page)) {
                for (var run : pages.get(p)) {
                    var mcid = owners.size();
                    content.beginMarkedContent(COSName.getPDFName(run.element().getStructureType()), mcid);
                    show(content, run.font(), run.size(), run.x(), run.y(), run.text());
                    content.endMarkedContent();
                    var reference = new PDMarkedContentReference();
                    reference.setPage(page);
                    reference.setMCID(mcid);
                    run.element().appendKid(reference);
                    owners.add(run.element());
                }
                var pagination = new COSDictionary();
                pagination.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
                pagination.setItem(COSName.SUBTYPE, COSName.getPDFName("Footer"));
                content.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(pagination));
                var side = "Side " + (p + 1) + " af " + total;
                show(content, regular, 8, MARGIN, BOTTOM - 30, printable(footer, regular));
                show(content, regular, 8, MARGIN + WIDTH - width(side, regular, 8), BOTTOM - 30, side);
                content.endMarkedContent();
            }
            parents.put(p, new PDParentTreeValue(owners));
        }
        var parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        structure.setParentTree(parentTree);
        structure.setParentTreeNextKey(total);
    }

    private void describe() throws IOException {
        var catalog = pdf.getDocumentCatalog();
        catalog.setStructureTreeRoot(structure);
        catalog.setLanguage(LANGUAGE);
        var marks = new PDMarkInfo();
        marks.setMarked(true);
        catalog.setMarkInfo(marks);
        var viewer = new PDViewerPreferences(new COSDictionary());
        viewer.setDisplayDocTitle(true);
        catalog.setViewerPreferences(viewer);
        var info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(CREATOR);
        var metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xmp(title).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        var intent = new PDOutputIntent(pdf, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** XMP claiming PDF/A-2a and PDF/UA-1 (declared as an extension schema, as PDF/A wants), as meetings-service's. */
    private static String xmp(String title) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
                    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>A</pdfaid:conformance>
                   <pdfuaid:part>1</pdfuaid:part>
                   <pdfaExtension:schemas>
                    <rdf:Bag>
                     <rdf:li rdf:parseType="Resource">
                      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                      <pdfaSchema:property>
                       <rdf:Seq>
                        <rdf:li rdf:parseType="Resource">
                         <pdfaProperty:name>part</pdfaProperty:name>
                         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                         <pdfaProperty:category>internal</pdfaProperty:category>
                         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                        </rdf:li>
                       </rdf:Seq>
                      </pdfaSchema:property>
                     </rdf:li>
                    </rdf:Bag>
                   </pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escape(title), LANGUAGE, CREATOR);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
