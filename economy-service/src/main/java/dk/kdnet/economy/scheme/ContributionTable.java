package dk.kdnet.economy.scheme;

import dk.kdnet.economy.charge.Breakdown;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A scheme's contribution table in the column layout of the seed tables: organization, population, one column per
 * shared component (equal part, population part, ...), total, and a totals row. A column's total is its exact total
 * rounded, as the tables print it, not the sum of its rounded rows.
 */
public record ContributionTable(List<String> headings, List<List<Object>> rows, List<Object> totals) {

    private static final Map<String, String> HEADINGS = Map.of(
            "EQUAL_SHARE", "Equal part",
            "BY_POPULATION", "Population part",
            "BY_UNITS", "Units part",
            "PER_CAPITA", "Per capita part",
            "PREVIOUS_YEAR_PROPORTIONAL", "Share of last year's charges");

    /** A row: the organization's name and its stored charge. */
    public record Line(String organization, BigDecimal amount, Breakdown breakdown) {}

    public static ContributionTable of(List<String> kinds, boolean withPopulation, List<Line> lines,
            BigDecimal total) {
        var columns = kinds.stream().filter(HEADINGS::containsKey).distinct().toList();
        var headings = new ArrayList<String>();
        headings.add("Organization");
        if (withPopulation) {
            headings.add("Population");
        }
        columns.forEach(k -> headings.add(HEADINGS.get(k)));
        headings.add("Total");

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
        totals.add("Total");
        if (withPopulation) {
            totals.add(population);
        }
        exact.values().forEach(e -> totals.add(e.setScale(6, RoundingMode.HALF_UP).setScale(0, RoundingMode.HALF_UP)));
        totals.add(total);
        return new ContributionTable(headings, rows, totals);
    }

    public String toCsv() {
        var csv = new StringBuilder();
        line(csv, new ArrayList<Object>(headings));
        rows.forEach(r -> line(csv, r));
        line(csv, totals);
        return csv.toString();
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

    private static void line(StringBuilder csv, List<Object> values) {
        for (var i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            var value = values.get(i);
            if (value instanceof BigDecimal d) {
                csv.append(d.toPlainString());
            } else if (value != null) {
                var text = value.toString();
                csv.append(text.contains(",") || text.contains("\"")
                        ? '"' + text.replace("\"", "\"\"") + '"'
                        : text);
            }
        }
        csv.append("\r\n");
    }
}
