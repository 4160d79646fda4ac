package dk.kdnet.economy.budget;

import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.web.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of budgets and accounts. */
public final class BudgetApi {

    private BudgetApi() {}

    public enum Kind { BUDGET, ACCOUNTS }

    public enum Status { DRAFT, PROPOSED, APPROVED }

    public enum Side { INCOME, EXPENSE }

    @Schema(description = "A line: a leaf has an amount, a group has sub-lines and their sum; top-level lines state "
            + "their side")
    public record Line(@NotBlank @Schema(example = "Personaleudgifter") String label,
            @Schema(description = "Top-level lines only", example = "EXPENSE") Side side,
            @Schema(description = "Leaves only; negative for a reduction", example = "4157016") BigDecimal amount,
            @Schema(description = "Groups only: the amount the document prints beside the group, kept as printed "
                    + "even where it is not the sum of its sub-lines (a source rounded in øre)", example = "4198065")
            BigDecimal printed,
            List<@Valid @NotNull Line> lines) {}

    @Schema(name = "BudgetPrintedTotals", description = "The totals the document prints, kept as printed; each may "
            + "be left out")
    public record PrintedTotals(@Schema(description = "Udgifter i alt", example = "7799511") BigDecimal expenses,
            @Schema(description = "Årets resultat", example = "19369") BigDecimal result,
            @Schema(description = "Overføres til næste år", example = "2378755") BigDecimal carriedOut) {}

    @Schema(name = "BudgetDifference", description = "A line whose printed amount is not the sum of what is printed "
            + "beneath it (its sub-lines; for the totals: the sections, income less expenses, carried in plus "
            + "result). Each sum is of the amounts as printed, so a slip shows once, on the line where it is")
    public record Difference(
            @Schema(required = true, description = "The line's labels from the top, joined by \" / \"",
                    example = "KD-Net sekretariatet / Fælleskommunale aktiviteter og mødevirksomhed") String line,
            @Schema(required = true, example = "317242") BigDecimal printed,
            @Schema(required = true, example = "317243") BigDecimal computed,
            @Schema(required = true, description = "printed less computed", example = "-1") BigDecimal difference) {}

    @Schema(name = "BudgetLines")
    public record LinesRequest(
            @Schema(description = "Carried over from the previous year; left out: the previous year's accounts "
                    + "carried out", example = "1657671") BigDecimal carriedIn,
            @Valid PrintedTotals printedTotals,
            @NotEmpty List<@Valid @NotNull Line> lines) {}

    @Schema(name = "BudgetRequest")
    public record BudgetRequest(@NotNull @Schema(example = "BODY") OwnerKind ownerKind,
            @NotNull @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84", description = "KD-Net") UUID ownerId,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2023") Integer year,
            @NotNull @Schema(example = "BUDGET") Kind kind,
            @NotBlank @Schema(example = "KD-Net budget 2023") String title,
            @Schema(example = "2359386") BigDecimal carriedIn,
            @Valid PrintedTotals printedTotals,
            @NotEmpty List<@Valid @NotNull Line> lines) {}

    @Schema(name = "BudgetTransition")
    public record TransitionRequest(@NotNull @Schema(example = "PROPOSED") Status to) {}

    @Schema(name = "BudgetLineView")
    public record LineView(@Schema(required = true, example = "Personaleudgifter") String label,
            @Schema(example = "EXPENSE") Side side, @Schema(required = true, example = "4348816") BigDecimal amount,
            @Schema(description = "Groups only: the amount printed beside it, if recorded", example = "4348816")
            BigDecimal printed,
            @Schema(required = true) List<LineView> lines) {}

    @Schema(name = "Budget", description = "The budget as of its current version; for anonymous callers, as of its "
            + "latest approved version")
    public record BudgetView(@Schema(required = true, example = "ae3fe717-5372-3bd4-bb04-ef6eacded956") UUID id,
            @Schema(required = true, example = "BODY") OwnerKind ownerKind,
            @Schema(required = true, example = "8d799b49-b40f-3350-968d-c8a27856ec84") UUID ownerId,
            @Schema(example = "2023") int year,
            @Schema(required = true, example = "BUDGET") Kind kind,
            @Schema(required = true, example = "KD-Net budget 2023") String title,
            @Schema(description = "The number of the version shown, as in /versions", example = "1") int number,
            @Schema(required = true, example = "APPROVED") Status status,
            @Schema(required = true, example = "2023-01-27T10:30:00Z") Instant statusAt,
            @Schema(required = true) List<LineView> lines,
            @Schema(required = true, example = "7818880") BigDecimal income,
            @Schema(required = true, example = "7799510") BigDecimal expenses,
            @Schema(required = true, example = "19370") BigDecimal result,
            @Schema(required = true, example = "2359386") BigDecimal carriedFromPreviousYear,
            @Schema(required = true, example = "2378756") BigDecimal carriedToNextYear,
            @Schema(description = "The totals as printed, if recorded") PrintedTotals printedTotals,
            @Schema(required = true, description = "Every line whose printed amount differs from the sum of what is "
                    + "printed beneath it; empty when all add up") List<Difference> differences,
            @Schema(description = "Changes with every change of the budget's lines or status; the ETag, to send "
                    + "back in If-Match", example = "3") long version) implements Versioned {}

    @Schema(name = "BudgetVersion")
    public record VersionView(@Schema(example = "1") int number, @Schema(required = true) Status status,
            @Schema(required = true) Instant createdAt, @Schema(required = true) Instant statusAt,
            @Schema(required = true) BigDecimal result,
            @Schema(description = "The meeting decision that approved this version (a BUDGET_APPROVED effect); null "
                    + "when approved otherwise") DecisionReference decision,
            @Schema(description = "Changes with every change of this version's lines or status", example = "2")
            long version) implements Versioned {}
}
