package dk.kdnet.meetings.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Lays out and writes an agenda or minutes in the layout of the reference documents: title block and "Indhold"
 * on the first page(s), then every item with its sections, "Samlet bilagsliste" at the end, "Side X af Y" on
 * every page. Two passes: the whole document is laid out first, so the contents can name the page each item's
 * heading landed on and the footer the page count; then it is drawn. DejaVu Sans (embedded as a subset) prints
 * æøå and anything else Danish text holds.
 * <p>
 * Accessible (PDF/UA-1) and archivable (PDF/A-2a): every line drawn is tagged content of a structure element, in
 * reading order (Document; H1 title; H2 "Indhold" with a TOC; per item a Sect with its H2 heading, H3 sections,
 * P paragraphs and L lists of LI with Lbl and LBody; H4 for headings within Markdown), the footer an artifact;
 * language da-DK, the title shown as the window title, a bookmark per item, the fonts embedded, XMP metadata that
 * claims both standards, and an sRGB output intent.
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

    private static final String LANGUAGE = "da-DK";
    private static final String CREATOR = "KD-Net meetings-service";
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * One line of text at a place on a page, tagged as content of {@code element}; {@code pageOfItem} ≥ 0 prints
     * the page that item starts on.
     */
    private record Run(float x, float y, PDFont font, float size, String text, int pageOfItem,
            PDStructureElement element) {}

    /** A bookmark: where a heading landed (page index, its top). */
    private record Bookmark(String title, int page, float top) {}

    private final MeetingDocument document;
    private final PDDocument pdf;
    private final PDFont regular;
    private final PDFont bold;
    /** Whether a font has a code point's glyph; the key holds the code point and a bit for bold. */
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<List<Run>> pages = new ArrayList<>();
    private final int[] itemPages;
    private final List<Bookmark> bookmarks = new ArrayList<>();
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement root;
    private float y;

    private MeetingPdf(MeetingDocument document, PDDocument pdf) throws IOException {
        this.document = document;
        this.pdf = pdf;
        this.regular = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(REGULAR)), true);
        this.bold = PDType0Font.load(pdf, new TTFParser().parse(new RandomAccessReadBuffer(BOLD)), true);
        this.itemPages = new int[document.items().size()];
        this.root = new PDStructureElement(StandardStructureTypes.DOCUMENT, structure);
        structure.appendKid(root);
    }

    /** Writes the PDF to {@code out} as it is saved, without a copy in between. */
    public static void write(MeetingDocument document, OutputStream out) throws IOException {
        try (var pdf = new PDDocument()) {
            var writer = new MeetingPdf(document, pdf);
            writer.layout();
            writer.draw();
            writer.describe(document.heading() + " " + document.date());
            pdf.save(out);
        }
    }

    private void layout() throws IOException {
        newPage();
        text(document.heading(), bold, 20, 0, 0, element(StandardStructureTypes.H1, root));
        y -= 6;
        field("Møde", document.meetingTitle() + " (" + document.meetingKind() + ")");
        field("Mødetid", document.time());
        field("Mødested", document.location());
        if (document.caseNumber() != null) {
            field("Sagsnummer", document.caseNumber());
        }
        y -= 14;
        heading("Indhold", 14, root);
        y -= 4;
        var contents = element(StandardStructureTypes.TOC, root);
        var items = document.items();
        for (var i = 0; i < items.size(); i++) {
            contentsEntry(items.get(i).heading(), i, element(StandardStructureTypes.TOCI, contents));
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
            var sect = element(StandardStructureTypes.SECT, root);
            heading(item.heading(), 13, sect);
            if (item.closedForReader()) {
                section("Lukket punkt", sect);
                paragraph("Punktet er lukket og indgår ikke i den offentlige udgave.", 0, sect);
                continue;
            }
            if (item.caseNumber() != null) {
                text(item.caseNumber(), regular, 9, 0, 0, element(StandardStructureTypes.P, sect));
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
                var list = element(StandardStructureTypes.L, sect);
                for (var annex : item.annexes()) {
                    bullet("•", annex, list);
                }
                annexes.addAll(item.annexes());
            }
        }
        y -= 20;
        ensure(60);
        heading("Samlet bilagsliste", 14, root);
        y -= 4;
        if (annexes.isEmpty()) {
            paragraph("Ingen bilag.", 0, root);
        } else {
            var list = element(StandardStructureTypes.L, root);
            for (var annex : annexes) {
                bullet("•", annex, list);
            }
        }
    }

    private PDStructureElement element(String type, PDStructureElement parent) {
        var element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** A heading of the document's outline: H2, and a bookmark where it lands. */
    private void heading(String title, float size, PDStructureElement parent) throws IOException {
        ensure(lineHeight(size) + 2 * lineHeight(10));
        bookmarks.add(new Bookmark(title, pages.size() - 1, y));
        text(title, bold, size, 0, 0, element(StandardStructureTypes.H2, parent));
    }

    private void field(String label, String value) throws IOException {
        text(label + ": " + value, regular, 11, 0, 2, element(StandardStructureTypes.P, root));
    }

    private void paragraph(String text, float after, PDStructureElement parent) throws IOException {
        text(text, regular, 10, 0, after, element(StandardStructureTypes.P, parent));
    }

    private void contentsEntry(String heading, int item, PDStructureElement entry) throws IOException {
        var reference = element(StandardStructureTypes.P, entry);
        var lines = wrap(heading, regular, 10, WIDTH - PAGE_COLUMN);
        ensure(lines.size() * lineHeight(10));
        for (var line : lines) {
            y -= lineHeight(10);
            add(new Run(MARGIN, y, regular, 10, line, -1, reference));
        }
        add(new Run(MARGIN + WIDTH, y, regular, 10, "", item, element(StandardStructureTypes.LBL, entry)));
        y -= 3;
    }

    private void section(String title, PDStructureElement parent) throws IOException {
        y -= 8;
        ensure(lineHeight(11) + 2 * lineHeight(10));
        text(title, bold, 11, 0, 2, element(StandardStructureTypes.H3, parent));
    }

    private void recommendation(List<String> parts, PDStructureElement parent) throws IOException {
        if (parts.size() == 1) {
            paragraph(parts.getFirst(), 3, parent);
            return;
        }
        var list = element(StandardStructureTypes.L, parent);
        for (var i = 0; i < parts.size(); i++) {
            bullet((i + 1) + ".", parts.get(i), list);
        }
    }

    private void decision(MeetingDocument.Decision decision, PDStructureElement parent) throws IOException {
        if (decision == null) {
            paragraph("Ingen beslutning registreret.", 3, parent);
            return;
        }
        text(decision.outcome(), bold, 10, 0, 3, element(StandardStructureTypes.P, parent));
        if (decision.text() != null) {
            markdown(decision.text(), parent);
        }
        if (!decision.parts().isEmpty()) {
            var list = element(StandardStructureTypes.L, parent);
            for (var part : decision.parts()) {
                bullet("•", part, list);
            }
        }
    }

    /** Markdown's blocks; bullets in a row are one list. */
    private void markdown(String markdown, PDStructureElement parent) throws IOException {
        PDStructureElement list = null;
        for (var block : Markdown.blocks(markdown)) {
            if (block.kind() != Markdown.Kind.BULLET) {
                list = null;
            }
            switch (block.kind()) {
                case HEADING -> text(block.text(), bold, 10, 0, 4, element(StandardStructureTypes.H4, parent));
                case PARAGRAPH -> paragraph(block.text(), 4, parent);
                case BULLET -> {
                    if (list == null) {
                        list = element(StandardStructureTypes.L, parent);
                    }
                    bullet(block.marker(), block.text(), list);
                }
            }
        }
    }

    private void bullet(String marker, String text, PDStructureElement list) throws IOException {
        var entry = element(StandardStructureTypes.LI, list);
        var label = element(StandardStructureTypes.LBL, entry);
        var body = element(StandardStructureTypes.L_BODY, entry);
        var lines = wrap(text, regular, 10, WIDTH - INDENT);
        for (var i = 0; i < lines.size(); i++) {
            ensure(lineHeight(10));
            y -= lineHeight(10);
            if (i == 0) {
                add(new Run(MARGIN, y, regular, 10, printable(marker, regular), -1, label));
            }
            add(new Run(MARGIN + INDENT, y, regular, 10, lines.get(i), -1, body));
        }
        y -= 2;
    }

    private void text(String text, PDFont font, float size, float indent, float after, PDStructureElement element)
            throws IOException {
        var lines = wrap(text, font, size, WIDTH - indent);
        for (var i = 0; i < lines.size(); i++) {
            ensure(lineHeight(size));
            y -= lineHeight(size);
            // A line that wraps ends in a space, so that text read from the tags keeps its words apart.
            add(new Run(MARGIN + indent, y, font, size, i < lines.size() - 1 ? lines.get(i) + " " : lines.get(i), -1,
                    element));
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
                    if (run.pageOfItem() >= 0) {
                        var number = String.valueOf(itemPages[run.pageOfItem()]);
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

    /**
     * XMP claiming PDF/A-2a and PDF/UA-1, with the title and creator of the information dictionary; PDF/A wants
     * the PDF/UA identification schema declared as an extension schema.
     */
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
