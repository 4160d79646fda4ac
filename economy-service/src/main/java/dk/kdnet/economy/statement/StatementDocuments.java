package dk.kdnet.economy.statement;

import dk.kdnet.documents.TaggedPdf.Column;
import dk.kdnet.documents.TaggedPdf.Row;
import dk.kdnet.economy.charge.Breakdown;
import dk.kdnet.economy.financing.PopulationFigure;
import dk.kdnet.economy.report.Kroner;
import dk.kdnet.economy.report.ReportPdf;
import dk.kdnet.economy.report.Workbook;
import dk.kdnet.economy.statement.StatementApi.ChargeLine;
import dk.kdnet.economy.statement.StatementApi.StatementView;
import dk.kdnet.economy.statement.StatementApi.YearsView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A statement as the letter the secretariat sends each municipality (PDF) and as an Excel workbook, in Danish. */
public final class StatementDocuments {

    private StatementDocuments() {}

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.of("da", "DK"));
    private static final Map<String, String> COMPONENTS = Map.of(
            "EQUAL_SHARE", "Lige andel",
            "BY_POPULATION", "Efter indbyggertal",
            "BY_UNITS", "Efter enheder",
            "PREVIOUS_YEAR_PROPORTIONAL", "Efter sidste års bidrag",
            "PER_CAPITA", "Beløb pr. indbygger",
            "FIXED_AMOUNT", "Fast beløb",
            "MATCHING", "Medfinansiering",
            "RATIO_OF_TOTAL", "Andel af det samlede beløb");

    public static String recipient(StatementView statement) {
        return statement.organization() != null ? statement.organization()
                : "organisation " + statement.organizationId();
    }

    public static byte[] pdf(StatementView statement, YearsView years) {
        var title = "Opgørelse af bidrag " + statement.year() + " – " + recipient(statement);
        var pdf = new ReportPdf(title, "KD-Net · Opgørelse af bidrag " + statement.year() + " · "
                + recipient(statement));
        pdf.heading("Opgørelse af bidrag " + statement.year());
        pdf.paragraph("Til " + recipient(statement));
        pdf.paragraph("Her er kommunens bidrag for " + statement.year() + " til KD-Net og de fælleskommunale "
                + "samarbejder efter de godkendte finansieringsordninger, hvad der allerede er faktureret, og hvad "
                + "der mangler at blive afregnet. Beløb i kr.");
        var rows = new ArrayList<Row>();
        for (var line : statement.charges()) {
            rows.add(new Row(List.of(line.scheme(), String.valueOf(line.months()),
                    Kroner.format(line.amount()), Kroner.format(line.invoiced()), Kroner.format(line.outstanding())),
                    0, false));
        }
        rows.add(new Row(List.of("I alt", "", Kroner.format(statement.total()),
                Kroner.format(statement.invoiced()), Kroner.format(statement.outstanding())), 0, true));
        pdf.table(List.of(new Column(3, false), new Column(0.8f, true),
                new Column(1.2f, true), new Column(1.2f, true), new Column(1.3f, true)),
                List.of("Ordning", "Måneder", "Bidrag", "Faktureret", "Til afregning"), rows);
        for (var line : statement.charges()) {
            pdf.subheading(line.scheme());
            breakdown(pdf, line);
            changes(pdf, line);
        }
        if (years != null && !years.schemes().isEmpty()) {
            pdf.subheading("Bidrag år for år");
            var header = new ArrayList<String>();
            header.add("Ordning");
            var columns = new ArrayList<Column>();
            columns.add(new Column(2.4f, false));
            years.totals().forEach(y -> {
                header.add(String.valueOf(y.year()));
                columns.add(new Column(1, true));
            });
            var yearRows = new ArrayList<Row>();
            years.schemes().forEach(s -> {
                var cells = new ArrayList<String>();
                cells.add(s.scheme());
                s.years().forEach(y -> cells.add(Kroner.format(y.amount())));
                yearRows.add(new Row(cells, 0, false));
            });
            var total = new ArrayList<String>();
            total.add("I alt");
            years.totals().forEach(y -> total.add(Kroner.format(y.amount())));
            yearRows.add(new Row(total, 0, true));
            var change = new ArrayList<String>();
            change.add("Ændring fra året før");
            years.totals().forEach(y -> change.add(Kroner.format(y.change())));
            yearRows.add(new Row(change, 0, false));
            pdf.table(columns, header, yearRows);
        }
        pdf.paragraph("Spørgsmål til opgørelsen kan rettes til KD-Nets sekretariat.");
        pdf.paragraph("Med venlig hilsen KD-Nets sekretariat");
        return pdf.toBytes();
    }

    private static void breakdown(ReportPdf pdf, ChargeLine line) {
        var b = line.breakdown();
        if (b.population() != null) {
            pdf.paragraph("Indbyggertal" + (b.populationDate() == null ? "" : " pr. " + DATE.format(b.populationDate()))
                    + ": " + Kroner.format(java.math.BigDecimal.valueOf(b.population()))
                    + (b.populationSource() == PopulationFigure.Source.GIVEN
                            ? " (oplyst for ordningen)" : "") + ". Medlem " + b.months()
                    + " måneder af året.");
        } else {
            pdf.paragraph("Medlem " + b.months() + " måneder af året.");
        }
        var rows = new ArrayList<Row>();
        for (Breakdown.Part part : b.components()) {
            rows.add(new Row(List.of(COMPONENTS.getOrDefault(part.kind(), part.kind()),
                    Kroner.format(part.rounded())), 1, false));
        }
        if (b.indexationUplift() != null && b.indexationUplift().signum() != 0) {
            rows.add(new Row(List.of("Prisfremskrivning", Kroner.format(b.indexationUplift())), 1, false));
        }
        if (b.correction() != null && b.correction().signum() != 0) {
            rows.add(new Row(List.of("Regulering", Kroner.format(b.correction())), 1, false));
        }
        rows.add(new Row(List.of("Bidrag", Kroner.format(line.amount())), 0, true));
        pdf.table(List.of(new Column(3, false), new Column(1.2f, true)),
                List.of("Beregning", "Beløb"), rows);
    }

    private static void changes(ReportPdf pdf, ChargeLine line) {
        var rows = line.changes().stream().map(c -> new Row(List.of(
                DATE.format(c.at().atZone(COPENHAGEN)), c.cause(),
                Kroner.format(c.adjustment() != null ? c.adjustment() : c.amount()),
                c.decision() == null || c.decision().itemNumber() == null ? ""
                        : "Beslutning, punkt " + c.decision().itemNumber()), 0, false)).toList();
        pdf.table(List.of(new Column(1.4f, false), new Column(2.6f, false),
                new Column(1.1f, true), new Column(1.6f, false)),
                List.of("Dato", "Ændring", "Beløb", "Grundlag"), rows);
    }

    public static byte[] xlsx(StatementView statement, YearsView years) {
        var workbook = new Workbook();
        var sheet = workbook.sheet("Opgørelse " + statement.year(), 40, 10, 14, 14, 14);
        sheet.row(List.of("Opgørelse af bidrag " + statement.year() + " – " + recipient(statement)), 0, true);
        sheet.row(List.of("Ordning", "Måneder", "Bidrag", "Faktureret", "Til afregning"), 0, true);
        for (var line : statement.charges()) {
            sheet.row(List.of(line.scheme(), line.months(), line.amount(), line.invoiced(), line.outstanding()), 0,
                    false);
        }
        sheet.row(java.util.Arrays.asList("I alt", null, statement.total(), statement.invoiced(),
                statement.outstanding()), 0, true);
        var parts = workbook.sheet("Beregning", 40, 28, 16, 14);
        parts.row(List.of("Ordning", "Del", "Uafrundet", "Beløb"), 0, true);
        for (var line : statement.charges()) {
            for (var part : line.breakdown().components()) {
                parts.row(List.of(line.scheme(), COMPONENTS.getOrDefault(part.kind(), part.kind()), part.exact(),
                        part.rounded()), 0, false);
            }
        }
        var changes = workbook.sheet("Ændringer", 40, 8, 14, 40, 14, 14, 14, 10);
        changes.row(List.of("Ordning", "Version", "Dato", "Ændring", "Beløb", "Før", "Regulering", "Punkt"), 0, true);
        for (var line : statement.charges()) {
            for (var c : line.changes()) {
                changes.row(java.util.Arrays.asList(line.scheme(), c.version(),
                        DATE.format(c.at().atZone(COPENHAGEN)), c.cause(), c.amount(), c.previousAmount(),
                        c.adjustment(), c.decision() == null ? null : c.decision().itemNumber()), 0, false);
            }
        }
        if (years != null) {
            var header = new ArrayList<Object>();
            header.add("Ordning");
            years.totals().forEach(y -> header.add(y.year()));
            var byYear = workbook.sheet("År for år", 40, 14, 14, 14, 14, 14, 14);
            byYear.row(header, 0, true);
            years.schemes().forEach(s -> {
                var row = new ArrayList<Object>();
                row.add(s.scheme());
                s.years().forEach(y -> row.add(y.amount()));
                byYear.row(row, 0, false);
            });
            var total = new ArrayList<Object>();
            total.add("I alt");
            years.totals().forEach(y -> total.add(y.amount()));
            byYear.row(total, 0, true);
            var change = new ArrayList<Object>();
            change.add("Ændring fra året før");
            years.totals().forEach(y -> change.add(y.change()));
            byYear.row(change, 0, false);
        }
        return workbook.toBytes();
    }
}
