package dk.kdnet.economy.scheme;

import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.financing.Correction;
import dk.kdnet.economy.financing.PopulationBasis;
import dk.kdnet.economy.financing.PopulationFigure;
import dk.kdnet.economy.financing.RoundingPolicy;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.web.RequiredWhen;
import dk.kdnet.web.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and views of financing schemes. */
public final class SchemeApi {

    private SchemeApi() {}

    public enum OwnerKind { BODY, COLLABORATION, SECRETARIAT, ORGANIZATION }

    public enum Status { DRAFT, APPROVED }

    public enum ComponentKind {
        FIXED_AMOUNT, EQUAL_SHARE, BY_POPULATION, BY_UNITS, PER_CAPITA, RATIO_OF_TOTAL, MATCHING,
        PREVIOUS_YEAR_PROPORTIONAL
    }

    @Schema(description = "One part of a scheme; which fields apply depends on the kind")
    @RequiredWhen(property = "kind", values = {"EQUAL_SHARE", "BY_UNITS", "PREVIOUS_YEAR_PROPORTIONAL"},
            required = "percent")
    @RequiredWhen(property = "kind", values = "BY_POPULATION", required = {"percent", "referenceDate"})
    @RequiredWhen(property = "kind", values = "PER_CAPITA", required = {"rate", "referenceDate"})
    @RequiredWhen(property = "kind", values = "FIXED_AMOUNT", required = {"organizationId", "amount"})
    @RequiredWhen(property = "kind", values = "RATIO_OF_TOTAL",
    required = {"organizationId", "numerator", "denominator"})
    @RequiredWhen(property = "kind", values = "MATCHING", required = "organizationId")
    public record ComponentSpec(
            @NotNull @Schema(example = "BY_POPULATION") ComponentKind kind,
            @Schema(description = "EQUAL_SHARE, BY_POPULATION, BY_UNITS, PREVIOUS_YEAR_PROPORTIONAL: percent of the "
                    + "shared total, not negative; the shares sum to 100", example = "75") BigDecimal percent,
            @Schema(description = "BY_POPULATION, PER_CAPITA: population reference date", example = "2023-01-01")
            LocalDate referenceDate,
            @Schema(description = "PER_CAPITA: kroner per inhabitant per year", example = "1") BigDecimal rate,
            @Schema(description = "FIXED_AMOUNT, RATIO_OF_TOTAL, MATCHING: the paying party",
                    example = "dc8d7ca0-781a-34ce-87e7-8dcb09ebef8d") UUID organizationId,
            @Schema(description = "FIXED_AMOUNT: kroner", example = "278757") BigDecimal amount,
            @Schema(description = "RATIO_OF_TOTAL: numerator", example = "254300") BigDecimal numerator,
            @Schema(description = "RATIO_OF_TOTAL: denominator, positive",
            example = "2266473") BigDecimal denominator) {}

    @Schema(description = "A member as the budget was approved with it, and its keys")
    public record MemberSpec(
            @NotNull @Schema(example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(description = "Population on the scheme's reference date; taken from groups-service's figures "
                    + "when left out. Under populationBasis RECORDED a figure given must equal the recorded one (422 "
                    + "naming both otherwise)", example = "47609") Long population,
            @Schema(description = "Read-only: GIVEN when the population was sent with the member, RECORDED when it "
                    + "was taken from groups-service; a request that sends back RECORDED gives no figure",
                    example = "GIVEN") PopulationFigure.Source populationSource,
            @Schema(description = "BY_UNITS key", example = "72") BigDecimal units,
            @Schema(description = "Last year's charge, for PREVIOUS_YEAR_PROPORTIONAL and corrections",
                    example = "115429") BigDecimal previousCharge,
            @Schema(example = "2021-01-01") LocalDate joinedOn,
            @Schema(description = "First day no longer a member", example = "2024-01-01") LocalDate exit) {

        public MemberSpec(UUID organizationId, Long population, BigDecimal units, BigDecimal previousCharge,
                LocalDate joinedOn, LocalDate exit) {
            this(organizationId, population, null, units, previousCharge, joinedOn, exit);
        }

        /** The population given with the member, if any (not one taken from groups-service). */
        public Long givenPopulation() {
            return populationSource == PopulationFigure.Source.RECORDED ? null : population;
        }
    }

    public record CorrectionSpec(
            @NotNull @Schema(example = "-42773") BigDecimal amount,
            @NotNull @Schema(example = "PREVIOUS_YEAR_CHARGES") Correction.Basis basis,
            @Schema(example = "2022 charges should not have been indexed") String reason) {}

    @Schema(name = "FinancingSchemeRequest")
    public record SchemeRequest(
            @NotNull @Schema(example = "COLLABORATION") OwnerKind ownerKind,
            @NotNull @Schema(example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID ownerId,
            @NotBlank @Schema(example = "GovTech Midtjylland 2024") String name,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2024") Integer year,
            @NotNull @Schema(example = "VARIABLE") BudgetMode budgetMode,
            @NotNull @Schema(example = "HALF_UP") RoundingPolicy rounding,
            @Schema(description = "What the share components split, before indexation", example = "2484444")
            BigDecimal sharedTotal,
            @Schema(description = "Uplift factor, 1 for none", example = "1") BigDecimal indexation,
            @NotEmpty List<@Valid @NotNull ComponentSpec> components,
            List<@Valid @NotNull MemberSpec> members,
            List<@Valid @NotNull CorrectionSpec> corrections,
            @Schema(description = "Which population figures charge the members (default RECORDED): RECORDED, "
                    + "groups-service's figure for the components' reference date; GIVEN, the figures given with the "
                    + "members (an old table's printed populations), each marked GIVEN in the breakdown beside the "
                    + "recorded one where that differs", example = "RECORDED") PopulationBasis populationBasis) {

        public SchemeRequest(OwnerKind ownerKind, UUID ownerId, String name, Integer year, BudgetMode budgetMode,
                RoundingPolicy rounding, BigDecimal sharedTotal, BigDecimal indexation, List<ComponentSpec> components,
                List<MemberSpec> members, List<CorrectionSpec> corrections) {
            this(ownerKind, ownerId, name, year, budgetMode, rounding, sharedTotal, indexation, components, members,
                    corrections, null);
        }

        public PopulationBasis basis() {
            return populationBasis == null ? PopulationBasis.RECORDED : populationBasis;
        }
    }

    @Schema(name = "FinancingScheme")
    public record SchemeView(@Schema(required = true, example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID id,
            @Schema(required = true, example = "COLLABORATION") OwnerKind ownerKind,
            @Schema(required = true, example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID ownerId,
            @Schema(required = true, example = "GovTech Midtjylland 2024") String name,
            @Schema(example = "2024") int year,
            @Schema(required = true, example = "VARIABLE") BudgetMode budgetMode,
            @Schema(required = true, example = "HALF_UP") RoundingPolicy rounding,
            @Schema(required = true, example = "2484444") BigDecimal sharedTotal,
            @Schema(required = true, example = "1") BigDecimal indexation,
            @Schema(required = true) List<ComponentSpec> components, @Schema(required = true) List<MemberSpec> members,
            @Schema(required = true) List<CorrectionSpec> corrections,
            @Schema(required = true, example = "RECORDED") PopulationBasis populationBasis,
            @Schema(required = true, example = "APPROVED") Status status,
            @Schema(example = "2024-01-15T09:00:00Z") Instant approvedAt,
            @Schema(description = "The scheme total of the current charges, rounded half up", example = "2763201")
            BigDecimal total,
            @Schema(description = "The sum of the current whole-krone charges", example = "2763202")
            BigDecimal sumOfRows,
            @Schema(description = "Changes with every change of the scheme, its recalculated totals included; the "
                    + "ETag, to send back in If-Match", example = "3") long version) implements Versioned {}

    @Schema(description = "The decision that approved the scheme, if it was decided at a meeting")
    public record ApproveRequest(DecisionReference decision) {}
}
