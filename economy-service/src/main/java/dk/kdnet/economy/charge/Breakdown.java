package dk.kdnet.economy.charge;

import dk.kdnet.economy.financing.PopulationFigure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a charge was reached: each component's exact and rounded part, the population used, the months of
 * membership, the indexation, the share of corrections and what rounding added.
 */
@Schema(name = "ChargeBreakdown")
public record Breakdown(
        @Schema(example = "12") int months,
        @Schema(example = "47609") Long population,
        @Schema(example = "2023-01-01") LocalDate populationDate,
        @Schema(description = "Where the population comes from: RECORDED by groups-service for populationDate, or "
                + "GIVEN for this scheme (with the member, or in a scenario)", example = "RECORDED")
        PopulationFigure.Source populationSource,
        @Schema(description = "groups-service's figure for populationDate where it differs from the GIVEN population "
                + "used", example = "47650") Long recordedPopulation,
        @Schema(required = true) List<Part> components,
        @Schema(example = "1") BigDecimal indexationFactor,
        @Schema(example = "0") BigDecimal indexationUplift,
        @Schema(example = "0") BigDecimal correction,
        @Schema(example = "115428.6577", description = "The unrounded total; null when the calculation did not "
                + "record it") BigDecimal exact,
        @Schema(example = "0.3423") BigDecimal roundingDifference) {

    @Schema(name = "ChargeBreakdownPart")
    public record Part(@Schema(required = true, example = "EQUAL_SHARE") String kind,
            @Schema(required = true, example = "38819.4375") BigDecimal exact,
            @Schema(required = true, example = "38819") BigDecimal rounded) {}

    public static Breakdown of(dk.kdnet.economy.financing.Charge charge) {
        var population = charge.population();
        return new Breakdown(charge.months(), population == null ? null : population.count(),
                population == null ? null : population.referenceDate(),
                population == null ? null : population.source(), population == null ? null : population.recorded(),
                charge.components().stream()
                        .map(s -> new Part(s.component().kind(), s.exact(), s.rounded()))
                        .toList(),
                charge.indexationFactor(), charge.indexationUplift(), charge.correctionShare(), charge.exact(),
                charge.roundingDifference());
    }

    /** No longer a payer in the year (e.g. an exit that took effect before it began). */
    public static Breakdown none() {
        return new Breakdown(0, null, null, null, null, List.of(), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
