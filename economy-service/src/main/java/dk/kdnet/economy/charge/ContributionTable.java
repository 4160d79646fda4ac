package dk.kdnet.economy.charge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A scheme's contribution table in the column layout and Danish headings of the seed tables (Kommune,
 * Indbyggertal, Kommuneandel, Sum baseret på indbyggertal, Samlet bidrag pr. år 2024; a row "I alt"): one column
 * per shared component. A column's total is its exact total rounded, as the tables print it, not the sum of its
 * rounded rows.
 */
public record ContributionTable(List<String> headings, List<List<Object>> rows, List<Object> totals) {

    private static final Map<String, String> HEADINGS = Map.of(
            "EQUAL_SHARE", "Kommuneandel",
            "BY_POPULATION", "Sum baseret på indbyggertal",
            "BY_UNITS", "Andel efter enheder",
            "PER_CAPITA", "Beløb pr. indbygger",
            "PREVIOUS_YEAR_PROPORTIONAL", "Andel efter sidste års bidrag");

    private static final String TOTAL = "I alt";

    /**
     * How a CSV is written. {@code DANISH} is what a Danish Excel opens by double-click: semicolons, decimal comma,
     * UTF-8 with a byte order mark (without it Excel reads æøå as Windows-1252). {@code COMMA} is RFC 4180: commas,
     * decimal point, no BOM. Both end lines with CRLF and quote a field holding the separator, a quote or a line
     * break.
     */
    public enum Dialect {
        DANISH(';', ',', true), COMMA(',', '.', false);

        final char separator;
        final char decimal;
        final boolean bom;

        Dialect(char separator, char decimal, boolean bom) {
            this.separator = separator;
            this.decimal = decimal;
            this.bom = bom;
        }
    }

    /** A row: the organization's name and its stored charge. */
    public record Line(String organization, BigDecimal amount, Breakdown breakdown) {}

    public static ContributionTable of(int year, List<String> kinds, boolean withPopulation, List<Line> lines,
            BigDecimal total) {
        var columns = kinds.stream().filter(HEADINGS::containsKey).distinct().toList();
        var headings = new ArrayList<String>();
        headings.add("Kommune");
        if (withPopulation) {
            headings.add("Indbyggertal");
        }
        columns.forEach(k -> headings.add(HEADINGS.get(k)));
        headings.add("Samlet bidrag pr. år " + year);

        var rows = new ArrayList<List<Object>>();
        var population = 0L;
        var exact = new LinkedHashMap<String, BigDecimal>();
        columns.forEach(k -> exact.put(k, BigDecimal.ZERO));
        for (var line : lines) {
            var row = new ArrayList<Object>();
            row.add(line.organization());
            if (withPopulation) {
                var count = line.breakdown().population();
                row.add(count);
                population += count == null ? 0 : count;
            }
            for (var kind : columns) {
                var part = line.breakdown().components().stream().filter(p -> p.kind().equals(kind)).findFirst();
                row.add(part.map(Breakdown.Part::rounded).orElse(null));
                part.ifPresent(p -> exact.merge(kind, p.exact(), BigDecimal::add));
            }
            row.add(line.amount());
            rows.add(row);
        }
        var totals = new ArrayList<Object>();
        totals.add(TOTAL);
        if (withPopulation) {
            totals.add(population);
        }
        exact.values().forEach(e -> totals.add(e.setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.HALF_UP)));
        totals.add(total);
        return new ContributionTable(headings, rows, totals);
    }

    /** Amounts in kroner and øre (at least two decimals), so that either dialect's decimal separator is explicit. */
    public byte[] toCsv(Dialect dialect) {
        var csv = new StringBuilder();
        if (dialect.bom) {
            csv.append('\uFEFF');
        }
        line(csv, new ArrayList<Object>(headings), dialect);
        rows.forEach(r -> line(csv, r, dialect));
        line(csv, totals, dialect);
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toXlsx(String sheetName) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(sheetName);
            var bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            var amounts = workbook.createCellStyle();
            amounts.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            var all = new ArrayList<List<Object>>();
            all.add(new ArrayList<>(headings));
            all.addAll(rows);
            all.add(totals);
            for (var r = 0; r < all.size(); r++) {
                var row = sheet.createRow(r);
                var values = all.get(r);
                for (var c = 0; c < values.size(); c++) {
                    var cell = row.createCell(c);
                    switch (values.get(c)) {
                        case null -> cell.setBlank();
                        case Number n -> {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(amounts);
                        }
                        case Object o -> cell.setCellValue(o.toString());
                    }
                    if (r == 0 || r == all.size() - 1) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            // A fixed width: auto-sizing needs fonts a headless server may not have.
            for (var c = 0; c < headings.size(); c++) {
                sheet.setColumnWidth(c, (c == 0 ? 24 : 16) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder csv, List<Object> values, Dialect dialect) {
        for (var i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(dialect.separator);
            }
            var value = values.get(i);
            if (value instanceof BigDecimal d) {
                csv.append((d.scale() < 2 ? d.setScale(2) : d).toPlainString().replace('.', dialect.decimal));
            } else if (value != null) {
                var text = value.toString();
                var quote = text.indexOf(dialect.separator) >= 0 || text.contains("\"") || text.contains("\n")
                        || text.contains("\r");
                csv.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
        }
        csv.append("\r\n");
    }
}
