package dk.kdnet.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Readable names for files the API hands out ("GovTech-Midtjylland-2024-bidrag.xlsx") and the Content-Disposition
 * that carries them: an ASCII {@code filename} for every client and, when the name has letters beyond ASCII
 * (æøå), the exact one as {@code filename*} (RFC 6266, RFC 8187).
 */
public final class Downloads {

    private Downloads() {}

    /**
     * Joins the parts with hyphens, spaces and characters file systems refuse becoming hyphens:
     * ("GovTech Midtjylland", "2024", "bidrag") + ".xlsx" gives "GovTech-Midtjylland-2024-bidrag.xlsx".
     */
    public static String fileName(String extension, Object... parts) {
        var base = Arrays.stream(parts).filter(Objects::nonNull).map(Object::toString)
                .map(p -> p.strip().replaceAll("[\\s\\\\/:*?\"<>|\\p{Cntrl}]+", "-"))
                .filter(p -> !p.isEmpty()).collect(Collectors.joining("-"));
        return base.replaceAll("-{2,}", "-") + extension;
    }

    /** {@code disposition} is "attachment" (save) or "inline" (show). */
    public static String contentDisposition(String disposition, String fileName) {
        var ascii = ascii(fileName);
        var header = disposition + "; filename=\"" + ascii + "\"";
        return ascii.equals(fileName) ? header
                : header + "; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The Danish letters spelled out as Danes do without them (Århus → Aarhus), accents dropped, the rest '_'. */
    static String ascii(String name) {
        var spelled = name.replace("Æ", "Ae").replace("æ", "ae").replace("Ø", "Oe").replace("ø", "oe")
                .replace("Å", "Aa").replace("å", "aa");
        return Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    }
}
