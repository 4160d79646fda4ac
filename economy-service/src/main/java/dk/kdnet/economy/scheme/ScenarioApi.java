package dk.kdnet.economy.scheme;

import dk.kdnet.economy.financing.BudgetMode;
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
    public record Change(@NotNull @Schema(example = "LEAVE") ChangeType type,
            @Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "2024-01-01") LocalDate on, @Schema(example = "97000") Long population,
            @Schema(example = "2600000") BigDecimal sharedTotal, @Schema(example = "FIXED_TOTAL") BudgetMode budgetMode) {}

    @Schema(name = "ScenarioRequest")
    public record ScenarioRequest(@NotEmpty List<@Valid @NotNull Change> changes) {}

    @Schema(name = "ScenarioRow")
    public record Row(@Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "Hedensted") String organizationName,
            @Schema(example = "115429") BigDecimal current, @Schema(example = "0") BigDecimal scenario,
            @Schema(example = "-115429") BigDecimal difference) {}

    @Schema(name = "Scenario")
    public record ScenarioView(@Schema(example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID schemeId,
            @Schema(example = "2024") int year, @Schema(example = "VARIABLE") BudgetMode currentMode,
            @Schema(example = "VARIABLE") BudgetMode scenarioMode,
            List<Row> rows, @Schema(example = "2763201") BigDecimal currentTotal,
            @Schema(example = "2647772") BigDecimal scenarioTotal,
            @Schema(example = "2763201") BigDecimal currentSumOfRows,
            @Schema(example = "2647772") BigDecimal scenarioSumOfRows) {}
}
