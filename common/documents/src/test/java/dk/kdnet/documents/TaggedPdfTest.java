package dk.kdnet.documents;

import static dk.kdnet.documents.TaggedPdf.Weight.BOLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.documents.TaggedPdf.Column;
import dk.kdnet.documents.TaggedPdf.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A two-page document, read back with PDFBox: what the services' documents rely on. */
class TaggedPdfTest {

    private static final float MARGIN = 50;

    private static byte[] bytes;

    /** Title, contents naming the page of a later heading, a table of amounts, a list, and a second page. */
    @BeforeAll
    static void write() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var pdf = new TaggedPdf("KD-Net test-service", MARGIN)) {
            var root = pdf.root();
            pdf.text("Opgørelse 2024 中", BOLD, 16, 6, pdf.element(StandardStructureTypes.H1, root));
            var appendixPage = new int[1];
            pdf.contentsEntry("Bilag", () -> appendixPage[0], pdf.element(StandardStructureTypes.TOC, root));
            pdf.table(List.of(new Column(3, false), new Column(1, true)), List.of("Ordning", "Beløb"),
                    List.of(new Row(List.of("Sundhed", "1.234.567,00"), 0, false),
                            new Row(List.of("Kultur", "89,50"), 1, false)), root);
            pdf.newPage();
            appendixPage[0] = pdf.currentPage();
            pdf.bookmark("Bilag");
            pdf.text("Bilag", BOLD, 12, 3, pdf.element(StandardStructureTypes.H2, root));
            pdf.listItem("•", "første bilag", pdf.element(StandardStructureTypes.L, root));
            pdf.write("Opgørelse & bidrag", "KD-Net · Opgørelse", out);
        }
        bytes = out.toByteArray();
    }

    @Test
    void everyPageHasTheFooterWithItsNumberAndThePageCount() throws IOException {
        try (var pdf = Loader.loadPDF(bytes)) {
            assertEquals(2, pdf.getNumberOfPages());
            for (var page = 1; page <= 2; page++) {
                var text = text(pdf, page);
                assertTrue(text.contains("KD-Net · Opgørelse"), text);
                assertTrue(text.strip().endsWith("Side " + page + " af 2"), text);
            }
        }
    }

    @Test
    void theContentsNameThePageTheLaterHeadingLandedOn() throws IOException {
        try (var pdf = Loader.loadPDF(bytes)) {
            assertTrue(text(pdf, 1).contains("Bilag 2\n"), text(pdf, 1));
            var bookmark = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertEquals("Bilag", bookmark.getTitle());
            assertEquals(1, pdf.getPages().indexOf(bookmark.findDestinationPage(pdf)));
        }
    }

    @Test
    void everyLineIsTaggedContentOfItsElementInReadingOrder() throws IOException {
        try (var pdf = Loader.loadPDF(bytes)) {
            var catalog = pdf.getDocumentCatalog();
            assertTrue(catalog.getMarkInfo().isMarked());
            var structure = catalog.getStructureTreeRoot();
            assertEquals(2, structure.getParentTreeNextKey());
            var document = (PDStructureElement) structure.getKids().getFirst();
            assertEquals(StandardStructureTypes.DOCUMENT, document.getStructureType());
            assertEquals(List.of("H1", "TOC", "Table", "H2", "L"), types(document.getKids()));

            var table = (PDStructureElement) document.getKids().get(2);
            var header = (PDStructureElement) table.getKids().getFirst();
            assertEquals(List.of("TH", "TH"), types(header.getKids()));
            var amount = (PDStructureElement) ((PDStructureElement) table.getKids().get(1)).getKids().get(1);
            assertEquals("TD", amount.getStructureType());
            var content = (PDMarkedContentReference) amount.getKids().getFirst();
            assertEquals(pdf.getPage(0), content.getPage());

            var item = (PDStructureElement) ((PDStructureElement) document.getKids().get(4)).getKids().getFirst();
            assertEquals(List.of("Lbl", "LBody"), types(item.getKids()));
        }
    }

    @Test
    void amountsAreRightAlignedAtTheMargin() throws IOException {
        try (var pdf = Loader.loadPDF(bytes)) {
            var ends = new HashMap<String, Float>();
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    var last = positions.getLast();
                    ends.put(text, last.getXDirAdj() + last.getWidthDirAdj());
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(pdf);
            var right = pdf.getPage(0).getMediaBox().getWidth() - MARGIN;
            assertEquals(right, ends.get("1.234.567,00"), 0.5f);
            assertEquals(right, ends.get("89,50"), 0.5f);
        }
    }

    @Test
    void danishTitleCreatorAndLanguageWithTheFontsEmbedded() throws IOException {
        try (var pdf = Loader.loadPDF(bytes)) {
            var catalog = pdf.getDocumentCatalog();
            assertEquals("da-DK", catalog.getLanguage());
            assertTrue(catalog.getViewerPreferences().displayDocTitle());
            assertEquals("Opgørelse & bidrag", pdf.getDocumentInformation().getTitle());
            assertEquals("KD-Net test-service", pdf.getDocumentInformation().getCreator());
            var xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Opgørelse &amp; bidrag"), xmp);
            assertTrue(xmp.contains("<xmp:CreatorTool>KD-Net test-service</xmp:CreatorTool>"), xmp);
            assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("<pdfaid:part>2</pdfaid:part>"));
            assertEquals("sRGB IEC61966-2.1", catalog.getOutputIntents().getFirst().getOutputConditionIdentifier());

            var fonts = new ArrayList<String>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                var font = (PDType0Font) pdf.getPage(0).getResources().getFont(name);
                assertNotNull(font.getDescendantFont().getFontDescriptor().getFontFile2(), font.getName());
                fonts.add(font.getName().substring(font.getName().indexOf('+') + 1));
            }
            assertEquals(List.of("DejaVuSans", "DejaVuSans-Bold"), fonts.stream().sorted().toList());
            // A character DejaVu Sans has no glyph for prints as '?' instead of failing the document.
            assertTrue(text(pdf, 1).startsWith("Opgørelse 2024 ?"), text(pdf, 1));
        }
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static List<String> types(List<Object> kids) {
        return kids.stream().map(kid -> ((PDStructureElement) kid).getStructureType()).toList();
    }
}
