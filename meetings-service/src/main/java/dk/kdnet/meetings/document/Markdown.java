package dk.kdnet.meetings.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The little Markdown a case presentation uses, as blocks to print: headings, paragraphs (lines joined until a
 * blank line), bullets ("- ", "* ") and numbered lines ("1. "). Emphasis and link targets are dropped; the
 * words stay.
 */
public final class Markdown {

    public enum Kind { HEADING, PARAGRAPH, BULLET }

    /** {@code marker} is "•" or "3." for a BULLET, empty otherwise. */
    public record Block(Kind kind, String marker, String text) {}

    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d+[.)])\\s+(.*)$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1");

    private Markdown() {}

    public static List<Block> blocks(String markdown) {
        var blocks = new ArrayList<Block>();
        if (markdown == null) {
            return blocks;
        }
        var paragraph = new StringBuilder();
        Block open = null; // the bullet that continuation lines extend
        for (var line : markdown.replace("\r", "").split("\n")) {
            var heading = HEADING.matcher(line);
            var bullet = BULLET.matcher(line);
            var numbered = NUMBERED.matcher(line);
            // As in CommonMark, only "1." starts a list inside a paragraph: "21. juni ..." continues the text.
            var listed = numbered.matches() && (paragraph.isEmpty() || numbered.group(1).startsWith("1")
                    && numbered.group(1).length() == 2);
            if (line.isBlank() || heading.matches() || bullet.matches() || listed) {
                flush(paragraph, blocks);
                if (open != null) {
                    blocks.add(open);
                    open = null;
                }
            }
            if (line.isBlank()) {
                continue;
            }
            if (heading.matches()) {
                blocks.add(new Block(Kind.HEADING, "", inline(heading.group(1))));
            } else if (bullet.matches()) {
                open = new Block(Kind.BULLET, "•", inline(bullet.group(1)));
            } else if (listed) {
                open = new Block(Kind.BULLET, numbered.group(1), inline(numbered.group(2)));
            } else if (open != null) {
                open = new Block(Kind.BULLET, open.marker(), open.text() + " " + inline(line.strip()));
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(inline(line.strip()));
            }
        }
        flush(paragraph, blocks);
        if (open != null) {
            blocks.add(open);
        }
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(Kind.PARAGRAPH, "", paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    private static String inline(String text) {
        var plain = LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        return EMPHASIS.matcher(plain).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(2)))
                .replace("\\", "");
    }
}
