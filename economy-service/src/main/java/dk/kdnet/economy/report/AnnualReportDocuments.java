package dk.kdnet.economy.report;

import dk.kdnet.documents.TaggedPdf.Column;
import dk.kdnet.documents.TaggedPdf.Row;
import dk.kdnet.economy.report.AnnualReportApi.AnnualReportView;
import dk.kdnet.economy.report.AnnualReportApi.LineKind;
import java.util.ArrayList;
import java.util.List;

/** The annual report as the document prints it: an Excel workbook and a PDF, in Danish. */
public final class AnnualReportDocuments {

    private AnnualReportDocuments() {}

    public static byte[] xlsx(AnnualReportView report) {
        var workbook = new Workbook();
        var sheet = workbook.sheet("Status på økonomien", 60, 16);
        var header = new ArrayList<Object>();
        header.add(owner(report));
        report.columns().forEach(c -> header.add(c.heading()));
        sheet.row(header, 0, true);
        for (var line : report.lines()) {
            var row = new ArrayList<Object>();
            row.add(line.label());
            line.cells().forEach(c -> row.add(c.amount()));
            sheet.row(row, line.depth(), line.depth() == 0);
        }
        if (!report.differences().isEmpty()) {
            var differences = workbook.sheet("Differencer", 14, 60, 14, 14, 12);
            differences.row(List.of("Kolonne", "Linje", "Trykt", "Beregnet", "Difference"), 0, true);
            report.differences().forEach(d -> differences.row(
                    List.of(d.column(), d.line(), d.printed(), d.computed(), d.difference()), 0, false));
        }
        return workbook.toBytes();
    }

    public static byte[] pdf(AnnualReportView report) {
        var pdf = new ReportPdf(report.title(), "Status på økonomien i " + owner(report));
        pdf.heading("Status på økonomien i " + owner(report));
        var columns = new ArrayList<Column>();
        columns.add(new Column(2.6f, false));
        report.columns().forEach(c -> columns.add(new Column(1.2f, true)));
        var header = new ArrayList<String>();
        header.add(owner(report));
        report.columns().forEach(c -> header.add(c.heading()));
        var rows = new ArrayList<Row>();
        for (var line : report.lines()) {
            var cells = new ArrayList<String>();
            cells.add(line.label());
            line.cells().forEach(c -> cells.add(Kroner.format(c.amount())));
            rows.add(new Row(cells, line.depth(), line.depth() == 0 || line.kind() != LineKind.LINE
                    && line.kind() != LineKind.GROUP));
        }
        pdf.table(columns, header, rows);
        if (!report.differences().isEmpty()) {
            pdf.subheading("Differencer");
            pdf.paragraph("Trykte beløb, der ikke er summen af de trykte beløb under dem (afrunding af beløb i øre):");
            var differenceRows = report.differences().stream().map(d -> new Row(List.of(d.column(),
                    d.line(), Kroner.format(d.printed()), Kroner.format(d.computed()), Kroner.format(d.difference())),
                    0, false)).toList();
            pdf.table(List.of(new Column(1.2f, false), new Column(3.2f, false),
                    new Column(1, true), new Column(1, true), new Column(0.9f, true)),
                    List.of("Kolonne", "Linje", "Trykt", "Beregnet", "Difference"), differenceRows);
        }
        return pdf.toBytes();
    }

    private static String owner(AnnualReportView report) {
        return report.title().substring(0, report.title().indexOf(" - "));
    }
}
