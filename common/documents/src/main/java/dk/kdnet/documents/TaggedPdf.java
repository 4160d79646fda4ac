package dk.kdnet.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
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
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A Danish document as a tagged PDF on A4 pages: text, lists, a table of contents and tables, each line tagged content
 * of the structure element the caller names. Two passes: the whole document is laid out first, so that the contents
 * can name the page a later heading lands on and the footer the page count; {@link #write} then draws it. DejaVu Sans
 * (embedded as a subset) prints æøå and anything else Danish text holds; what it has no glyph for prints as '?'.
 * <p>
 * Accessible (PDF/UA-1) and archivable (PDF/A-2a): every line drawn is marked content of its structure element below
 * the Document root, in reading order, with a parent tree; the footer ("Side X af Y") is a pagination artifact;
 * language da-DK, the title shown as the window title, a bookmark per {@link #bookmark}, the fonts embedded, XMP
 * metadata that claims both standards, and an sRGB output intent.
 */
public final class TaggedPdf implements Closeable {

    /** The font a text is set in. */
    public enum Weight { REGULAR, BOLD }

    /** A table column: its share of the text width, and whether its cells are right-aligned (amounts). */
    public record Column(float share, boolean right) {}

    /** A table row: its cells (null: blank), the first cell indented by {@code level} steps, bold or not. */
    public record Row(List<String> cells, int level, boolean bold) {}

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = PAGE.getHeight() - 56;
    private static final float BOTTOM = 64;
    private static final float LIST_INDENT = 16;
    private static final float CONTENTS_PAGE_COLUMN = 36;
    private static final float TABLE_INDENT = 10;
    private static final float TABLE_GAP = 6;
    private static final float TABLE_SIZE = 8.5f;
    private static final byte[] REGULAR = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("fonts/DejaVuSans-Bold.ttf");
    private static final String LANGUAGE = "da-DK";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * One line of text at a place on a page, tagged as content of {@code element}; a {@code pageNumber} prints, at
     * draw time, the number it then gives right-aligned at {@code x} instead of {@code text}.
     */
    private record Run(float x, float y, PDFont font, float size, String text, IntSupplier pageNumber,
            PDStructureElement element) {}

    /** A bookmark: where a heading landed (page index, its top). */
    private record Bookmark(String title, int page, float top) {}

    private final String creator;
    private final float margin;
    private final float width;
    private final PDDocument pdf = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    /** Whether a font has a code point's glyph; the key holds the code point and a bit for bold. */
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<List<Run>> pages = new ArrayList<>();
    private final List<Bookmark> bookmarks = new ArrayList<>();
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement root;
    private float y;

    /**
     * An empty document on its first page; {@code creator} names the producing service in its metadata,
     * {@code margin} is the left and right margin in points.
     */
    public TaggedPdf(String creator, float margin) {
        this.creator = creator;
        this.margin = margin;
        this.width = PAGE.getWidth() - 2 * margin;
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

    /** The Document element, the root of the structure tree. */
    public PDStructureElement root() {
        return root;
    }

    /** A new structure element of {@code type} ({@link StandardStructureTypes}), the last child of {@code parent}. */
    public PDStructureElement element(String type, PDStructureElement parent) {
        var element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** {@code text} wrapped to the text width as content of {@code element}, then {@code after} points of space. */
    public void text(String text, Weight weight, float size, float after, PDStructureElement element) {
        var font = font(weight);
        var lines = wrap(text, font, size, width);
        for (var i = 0; i < lines.size(); i++) {
            ensureRoom(lineHeight(size));
            y -= lineHeight(size);
            // A line that wraps ends in a space, so that text read from the tags keeps its words apart.
            add(new Run(margin, y, font, size, i < lines.size() - 1 ? lines.get(i) + " " : lines.get(i), null,
                    element));
        }
        y -= after;
    }

    /** An LI of {@code list}: its {@code label} ("•", "2.") as Lbl, its {@code text} indented beside it as LBody. */
    public void listItem(String label, String text, PDStructureElement list) {
        var entry = element(StandardStructureTypes.LI, list);
        var lbl = element(StandardStructureTypes.LBL, entry);
        var body = element(StandardStructureTypes.L_BODY, entry);
        var lines = wrap(text, regular, 10, width - LIST_INDENT);
        for (var i = 0; i < lines.size(); i++) {
            ensureRoom(lineHeight(10));
            y -= lineHeight(10);
            if (i == 0) {
                add(new Run(margin, y, regular, 10, printable(label, regular), null, lbl));
            }
            add(new Run(margin + LIST_INDENT, y, regular, 10, lines.get(i), null, body));
        }
        y -= 2;
    }

    /**
     * A TOCI of {@code contents}: {@code title} as a P, and as its Lbl, right-aligned at the margin, the page number
     * {@code page} gives once the document is laid out (the page a later heading lands on).
     */
    public void contentsEntry(String title, IntSupplier page, PDStructureElement contents) {
        var entry = element(StandardStructureTypes.TOCI, contents);
        var reference = element(StandardStructureTypes.P, entry);
        var lines = wrap(title, regular, 10, width - CONTENTS_PAGE_COLUMN);
        ensureRoom(lines.size() * lineHeight(10));
        for (var line : lines) {
            y -= lineHeight(10);
            add(new Run(margin, y, regular, 10, line, null, reference));
        }
        add(new Run(margin + width, y, regular, 10, "", page, element(StandardStructureTypes.LBL, entry)));
        y -= 3;
    }

    /**
     * A Table of {@code parent}: a header row of TH cells, then its rows of TD; a row that does not fit goes on to the
     * next page.
     */
    public void table(List<Column> columns, List<String> header, List<Row> rows, PDStructureElement parent) {
        y -= 4;
        var table = element(StandardStructureTypes.TABLE, parent);
        row(table, columns, new Row(header, 0, true), StandardStructureTypes.TH);
        for (var row : rows) {
            row(table, columns, row, StandardStructureTypes.TD);
        }
        y -= 4;
    }

    private void row(PDStructureElement table, List<Column> columns, Row row, String cellType) {
        var font = row.bold() ? bold : regular;
        var lines = new ArrayList<List<String>>();
        var height = 1;
        for (var c = 0; c < columns.size(); c++) {
            var cell = c < row.cells().size() ? row.cells().get(c) : null;
            var indent = c == 0 ? row.level() * TABLE_INDENT : 0;
            var wrapped = cell == null ? List.<String>of()
                    : wrap(cell, font, TABLE_SIZE, width(columns, c) - TABLE_GAP - indent);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        ensureRoom(height * lineHeight(TABLE_SIZE) + 2);
        var tr = element(StandardStructureTypes.TR, table);
        var x = margin;
        var top = y;
        for (var c = 0; c < columns.size(); c++) {
            var column = columns.get(c);
            var cellWidth = width(columns, c);
            var cell = element(cellType, tr);
            var lineY = top;
            for (var line : lines.get(c)) {
                lineY -= lineHeight(TABLE_SIZE);
                var left = column.right() ? x + cellWidth - width(line, font, TABLE_SIZE)
                        : x + (c == 0 ? row.level() * TABLE_INDENT : 0);
                add(new Run(left, lineY, font, TABLE_SIZE, line, null, cell));
            }
            x += cellWidth;
        }
        y = top - height * lineHeight(TABLE_SIZE) - 2;
    }

    private float width(List<Column> columns, int c) {
        var total = (float) columns.stream().mapToDouble(Column::share).sum();
        return width * columns.get(c).share() / total;
    }

    /** An entry of the document's outline (its bookmarks) at the place the next line will be laid out. */
    public void bookmark(String title) {
        bookmarks.add(new Bookmark(title, pages.size() - 1, y));
    }

    /** {@code height} points of space. */
    public void space(float height) {
        y -= height;
    }

    /** Goes on to a new page unless {@code height} points fit above the bottom margin. */
    public void ensureRoom(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Goes on to a new page. */
    public void newPage() {
        pages.add(new ArrayList<>());
        y = TOP;
    }

    /** The number (from 1) of the page being laid out. */
    public int currentPage() {
        return pages.size();
    }

    public static float lineHeight(float size) {
        return size * 1.35f;
    }

    private void add(Run run) {
        pages.getLast().add(run);
    }

    private PDFont font(Weight weight) {
        return weight == Weight.BOLD ? bold : regular;
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

    /**
     * Draws the pages laid out, {@code footer} left and "Side X af Y" right at the foot of each, and writes the file
     * with {@code title} as its title; once, as drawing adds the pages.
     */
    public void write(String title, String footer, OutputStream out) throws IOException {
        draw(footer);
        describe(title);
        pdf.save(out);
    }

    @Override
    public void close() throws IOException {
        pdf.close();
    }

    private void draw(String footer) throws IOException {
        var total = pages.size();
        var parents = new HashMap<Integer, COSObjectable>();
        for (var p = 0; p < total; p++) {
            var page = new PDPage(PAGE);
            pdf.addPage(page);
            page.setStructParents(p);
            // The structure element of each marked content sequence on the page, by its MCID.
            var owners = new COSArray();
            try (var content = new PDPageContentStream(pdf, page)) {
                for (var run : pages.get(p)) {
                    var mcid = owners.size();
                    content.beginMarkedContent(COSName.getPDFName(run.element().getStructureType()), mcid);
                    if (run.pageNumber() != null) {
                        var number = String.valueOf(run.pageNumber().getAsInt());
                        show(content, run.font(), run.size(), run.x() - width(number, run.font(), run.size()),
                                run.y(), number);
                    } else {
                        show(content, run.font(), run.size(), run.x(), run.y(), run.text());
                    }
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
                show(content, regular, 8, margin, BOTTOM - 30, printable(footer, regular));
                show(content, regular, 8, margin + width - width(side, regular, 8), BOTTOM - 30, side);
                content.endMarkedContent();
            }
            parents.put(p, new PDParentTreeValue(owners));
        }
        var parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        structure.setParentTree(parentTree);
        structure.setParentTreeNextKey(total);
    }

    /** What makes the file PDF/UA-1 and PDF/A-2a beyond its tagged pages: catalog entries, outline, metadata. */
    private void describe(String title) throws IOException {
        var catalog = pdf.getDocumentCatalog();
        catalog.setStructureTreeRoot(structure);
        catalog.setLanguage(LANGUAGE);
        var marks = new PDMarkInfo();
        marks.setMarked(true);
        catalog.setMarkInfo(marks);
        var viewer = new PDViewerPreferences(new COSDictionary());
        viewer.setDisplayDocTitle(true);
        catalog.setViewerPreferences(viewer);

        if (!bookmarks.isEmpty()) {
            var outline = new PDDocumentOutline();
            for (var bookmark : bookmarks) {
                var destination = new PDPageXYZDestination();
                destination.setPage(pdf.getPage(bookmark.page()));
                destination.setTop(Math.round(bookmark.top()));
                var entry = new PDOutlineItem();
                entry.setTitle(bookmark.title());
                entry.setDestination(destination);
                outline.addLast(entry);
            }
            outline.openNode();
            catalog.setDocumentOutline(outline);
            catalog.setPageMode(PageMode.USE_OUTLINES);
        }

        var info = pdf.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(creator);
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

    /**
     * XMP claiming PDF/A-2a and PDF/UA-1, with the title and creator of the information dictionary; PDF/A wants
     * the PDF/UA identification schema declared as an extension schema.
     */
    private String xmp(String title) {
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
                <?xpacket end="w"?>""".formatted(escape(title), LANGUAGE, escape(creator));
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
        try (InputStream in = TaggedPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
