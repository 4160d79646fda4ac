package dk.kdnet.meetings.document;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF fetched from the API, read back page by page with PDFBox's text extraction. */
record PdfText(byte[] bytes, List<String> pages) {

    private static final Pattern ENTRY = Pattern.compile("Punkt (\\d+): [\\s\\S]*? (\\d+)\\s*(?=Punkt \\d+:|$)");

    static PdfText get(String path) {
        var bytes = given().get(path).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        return of(bytes);
    }

    static PdfText of(byte[] bytes) {
        try (var pdf = Loader.loadPDF(bytes)) {
            var pages = new ArrayList<String>();
            var stripper = new PDFTextStripper();
            for (var p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(pdf));
            }
            return new PdfText(bytes, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String all() {
        return String.join("\n", pages);
    }

    /** Item number → page, as the contents ("Indhold", page 1) lists them. */
    Map<Integer, Integer> contents() {
        var page = pages.getFirst();
        // The footer line ("KD-Net · Dagsorden · ...  Side 1 af N") ends the page.
        var body = page.substring(0, page.lastIndexOf('\n', page.lastIndexOf("Side 1 af")));
        var listed = body.substring(body.indexOf("Indhold") + "Indhold".length());
        var entries = new LinkedHashMap<Integer, Integer>();
        var matcher = ENTRY.matcher(listed.strip());
        while (matcher.find()) {
            entries.put(Integer.valueOf(matcher.group(1)), Integer.valueOf(matcher.group(2)));
        }
        return entries;
    }

    /** The page (1-based) whose text has a line starting with item {@code number}'s heading, after the contents. */
    int headingPage(int number) {
        for (var p = 1; p < pages.size(); p++) {
            if (pages.get(p).lines().anyMatch(l -> l.startsWith("Punkt " + number + ": "))) {
                return p + 1;
            }
        }
        return -1;
    }

    /** Keeps the PDF under target/documents for bench/documents.sh to render. */
    PdfText save(String name) {
        try {
            var dir = Path.of("target", "documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
