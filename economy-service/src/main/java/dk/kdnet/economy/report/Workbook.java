package dk.kdnet.economy.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel workbook of simple sheets: rows of text and amounts, amounts as numbers formatted #,##0 (Excel shows them
 * with the reader's separators), the first cell indented by level, bold rows for headings and totals.
 */
public final class Workbook {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle[][] styles = new CellStyle[2][4];
    private final CellStyle[] amounts = new CellStyle[2];
    private final CellStyle decimalStyle;

    public Workbook() {
        var format = workbook.createDataFormat().getFormat("#,##0");
        var decimals = workbook.createDataFormat().getFormat("#,##0.00");
        for (var b = 0; b < 2; b++) {
            var font = workbook.createFont();
            font.setBold(b == 1);
            for (var level = 0; level < 4; level++) {
                styles[b][level] = workbook.createCellStyle();
                styles[b][level].setFont(font);
                styles[b][level].setIndention((short) level);
            }
            amounts[b] = workbook.createCellStyle();
            amounts[b].setFont(font);
            amounts[b].setDataFormat(format);
        }
        decimalStyle = workbook.createCellStyle();
        decimalStyle.setDataFormat(decimals);
    }

    /** A sheet with fixed column widths in characters (auto-sizing needs fonts a headless server may not have). */
    public Sheet sheet(String name, int... widths) {
        var sheet = workbook.createSheet(name);
        for (var c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        return new Sheet(sheet);
    }

    public final class Sheet {

        private final XSSFSheet sheet;

        private Sheet(XSSFSheet sheet) {
            this.sheet = sheet;
        }

        public void row(List<?> values, int level, boolean bold) {
            var row = sheet.createRow(sheet.getPhysicalNumberOfRows());
            var b = bold ? 1 : 0;
            for (var c = 0; c < values.size(); c++) {
                var cell = row.createCell(c);
                switch (values.get(c)) {
                    case null -> cell.setBlank();
                    case BigDecimal d -> {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(d.stripTrailingZeros().scale() > 0 ? decimalStyle : amounts[b]);
                    }
                    case Number n -> {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(amounts[b]);
                    }
                    case Object o -> {
                        cell.setCellValue(o.toString());
                        cell.setCellStyle(styles[b][c == 0 ? Math.min(level, 3) : 0]);
                    }
                }
            }
        }
    }

    public byte[] toBytes() {
        try (workbook; var out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
