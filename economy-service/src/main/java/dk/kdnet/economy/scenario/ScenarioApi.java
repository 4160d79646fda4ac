package dk.kdnet.economy.scenario;

import dk.kdnet.economy.charge.Breakdown;
import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.scheme.SchemeApi.ComponentSpec;
import dk.kdnet.economy.scheme.SchemeApi.CorrectionSpec;
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

    /**
     * The changes the real API makes, in the same order with the same rules: LEAVE, JOIN and REVOKE as
     * groups-service's membership changes, POPULATION as a figure it records, the rest as a PUT of the scheme.
     */
    public enum ChangeType { LEAVE, JOIN, REVOKE, POPULATION, TOTAL, MODE, INDEXATION, CORRECTION, COMPONENTS }

    @Schema(description = "Applied in order, each with the rules of the real change: LEAVE organizationId, on (the "
            + "exit date; a member without notice); JOIN organizationId, on (not a member that day) and optionally "
            + "population (a figure given for it, under the scheme's populationBasis; else groups-service's); REVOKE "
            + "organizationId (its pending notice); POPULATION organizationId, on (the reference date) and population, "
            + "as groups-service would record it; TOTAL sharedTotal; MODE budgetMode; INDEXATION indexation; "
            + "CORRECTION correction (added to the scheme's); COMPONENTS components (replacing the scheme's)")
    @RequiredWhen(property = "type", values = {"LEAVE", "JOIN"}, required = {"organizationId", "on"})
    @RequiredWhen(property = "type", values = "REVOKE", required = "organizationId")
    @RequiredWhen(property = "type", values = "POPULATION", required = {"organizationId", "on", "population"})
    @RequiredWhen(property = "type", values = "TOTAL", required = "sharedTotal")
    @RequiredWhen(property = "type", values = "MODE", required = "budgetMode")
    @RequiredWhen(property = "type", values = "INDEXATION", required = "indexation")
    @RequiredWhen(property = "type", values = "CORRECTION", required = "correction")
    @RequiredWhen(property = "type", values = "COMPONENTS", required = "components")
    public record Change(@NotNull @Schema(example = "LEAVE") ChangeType type,
            @Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "2024-01-01") LocalDate on, @Schema(example = "47609") Long population,
            @Schema(example = "2600000") BigDecimal sharedTotal,
            @Schema(example = "FIXED_TOTAL") BudgetMode budgetMode,
            @Schema(example = "1.0172") BigDecimal indexation,
            @Valid CorrectionSpec correction,
            List<@Valid @NotNull ComponentSpec> components) {

        public Change(ChangeType type, UUID organizationId, LocalDate on, Long population, BigDecimal sharedTotal,
                BudgetMode budgetMode) {
            this(type, organizationId, on, population, sharedTotal, budgetMode, null, null, null);
        }
    }

    @Schema(name = "ScenarioRequest")
    public record ScenarioRequest(@NotEmpty List<@Valid @NotNull Change> changes) {}

    @Schema(name = "ScenarioRow")
    public record Row(@Schema(required = true, example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "Hedensted") String organizationName,
            @Schema(required = true, example = "115429") BigDecimal current,
            @Schema(required = true, example = "0") BigDecimal scenario,
            @Schema(required = true, example = "-115429") BigDecimal difference,
            @Schema(required = true, description = "How the current charge is reached, as in the charges list")
            Breakdown currentBreakdown,
            @Schema(required = true, description = "How the scenario's charge is reached, as in the charges list")
            Breakdown breakdown) {}

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
