package dk.kdnet.economy.scheme;

import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.web.RequiredWhen;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What-if questions on a scheme, answered without touching its charges. */
public final class ScenarioApi {

    private ScenarioApi() {}

    public enum ChangeType { LEAVE, JOIN, TOTAL, MODE }

    @Schema(description = "LEAVE: organizationId and on (the exit date); JOIN: organizationId, on and optionally "
            + "population (else groups-service's figure); TOTAL: sharedTotal; MODE: budgetMode")
    @RequiredWhen(property = "type", values = {"LEAVE", "JOIN"}, required = {"organizationId", "on"})
    @RequiredWhen(property = "type", values = "TOTAL", required = "sharedTotal")
    @RequiredWhen(property = "type", values = "MODE", required = "budgetMode")
    public record Change(@NotNull @Schema(example = "LEAVE") ChangeType type,
            @Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "2024-01-01") LocalDate on, @Schema(example = "97000") Long population,
            @Schema(example = "2600000") BigDecimal sharedTotal,
            @Schema(example = "FIXED_TOTAL") BudgetMode budgetMode) {}

    @Schema(name = "ScenarioRequest")
    public record ScenarioRequest(@NotEmpty List<@Valid @NotNull Change> changes) {}

    @Schema(name = "ScenarioRow")
    public record Row(@Schema(required = true, example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "Hedensted") String organizationName,
            @Schema(required = true, example = "115429") BigDecimal current,
            @Schema(required = true, example = "0") BigDecimal scenario,
            @Schema(required = true, example = "-115429") BigDecimal difference) {}

    @Schema(name = "Scenario")
    public record ScenarioView(@Schema(required = true, example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID schemeId,
            @Schema(example = "2024") int year, @Schema(required = true, example = "VARIABLE") BudgetMode currentMode,
            @Schema(required = true, example = "VARIABLE") BudgetMode scenarioMode,
            @Schema(required = true) List<Row> rows,
            @Schema(required = true, example = "2763201") BigDecimal currentTotal,
            @Schema(required = true, example = "2647772") BigDecimal scenarioTotal,
            @Schema(required = true, example = "2763201") BigDecimal currentSumOfRows,
            @Schema(required = true, example = "2647772") BigDecimal scenarioSumOfRows) {}
}
