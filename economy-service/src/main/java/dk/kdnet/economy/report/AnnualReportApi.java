package dk.kdnet.economy.report;

import dk.kdnet.economy.budget.BudgetApi.Kind;
import dk.kdnet.economy.budget.BudgetApi.Side;
import dk.kdnet.economy.budget.BudgetApi.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The annual report's view: four columns of budgets and accounts side by side, as the document prints them. */
public final class AnnualReportApi {

    private AnnualReportApi() {}

    public enum LineKind { LINE, GROUP, TOTAL_EXPENSES, RESULT, CARRIED_IN, CARRIED_OUT }

    @Schema(name = "AnnualReportColumn")
    public record ColumnView(@Schema(required = true, example = "Regnskab 2022") String heading,
            @Schema(required = true, example = "ACCOUNTS") Kind kind, @Schema(example = "2022") int year,
            @Schema(description = "The budget or accounts shown; null when the owner has none the caller may read",
                    example = "b6a1f2a0-5bd3-3b5e-9d7a-0d1c3f6f9e21") UUID budgetId,
            @Schema(description = "The status of the version shown", example = "APPROVED") Status status) {}

    @Schema(name = "AnnualReportLine", description = "A line of the report: a budget line by its labels, or one of "
            + "the totals below them")
    public record LineView(@Schema(required = true, example = "Personaleudgifter") String label,
            @Schema(description = "0 for a section, 1 and 2 for the lines beneath", example = "1") int depth,
            @Schema(required = true, example = "GROUP") LineKind kind,
            @Schema(description = "Sections only", example = "EXPENSE") Side side,
            @Schema(required = true, description = "One per column, in the columns' order")
            List<Cell> cells) {}

    @Schema(name = "AnnualReportCell")
    public record Cell(@Schema(description = "The amount as printed (a group's printed subtotal where recorded, else "
            + "the sum of what is printed beneath); null where the column has no such line", example = "4198065")
            BigDecimal amount) {}

    @Schema(name = "AnnualReportDifference", description = "A printed amount that is not the sum of what is printed "
            + "beneath it, in one column")
    public record DifferenceView(@Schema(required = true, example = "Regnskab 2021") String column,
            @Schema(required = true, example = "KD-Net sekretariatet / Fælleskommunale aktiviteter og mødevirksomhed")
            String line,
            @Schema(required = true, example = "317242") BigDecimal printed,
            @Schema(required = true, example = "317243") BigDecimal computed,
            @Schema(required = true, description = "printed less computed", example = "-1") BigDecimal difference) {}

    @Schema(name = "AnnualReport", description = "An owner's economy for a year as the annual report prints it: the "
            + "accounts of the two years before, the budget of the year before and the budget of the year")
    public record AnnualReportView(
            @Schema(required = true, example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID ownerId,
            @Schema(example = "2023") int year,
            @Schema(required = true, example = "KD-Net - Regnskab 2021, Regnskab 2022, Budget 2022, Budget 2023")
            String title,
            @Schema(required = true) List<ColumnView> columns,
            @Schema(required = true) List<LineView> lines,
            @Schema(required = true, description = "Every printed amount that differs from the sum of what is "
                    + "printed beneath it, column by column") List<DifferenceView> differences) {}
}
