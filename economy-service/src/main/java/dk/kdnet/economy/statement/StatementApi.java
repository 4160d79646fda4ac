package dk.kdnet.economy.statement;

import dk.kdnet.economy.charge.Breakdown;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.events.DecisionReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality's statement: what it is charged, why each amount changed, and what is invoiced. */
public final class StatementApi {

    private StatementApi() {}

    @Schema(name = "StatementChange", description = "One version of a charge: a calculation, or once invoiced an "
            + "adjustment, with its cause and the meeting decision behind it")
    public record ChangeView(@Schema(example = "2") int version,
            @Schema(required = true, example = "CALCULATION") String kind,
            @Schema(required = true, description = "The cause, as the letter words it",
                    example = "Udtrådt af samarbejdet") String cause,
            @Schema(required = true, example = "dk.kdnet.groups.collaboration-member-withdrew.v1") String causeEventType,
            @Schema(required = true, example = "0") BigDecimal amount,
            @Schema(example = "115429") BigDecimal previousAmount,
            @Schema(description = "Credit (negative) or debit of an invoiced charge") BigDecimal adjustment,
            @Schema(description = "The meeting decision behind the change, if any") DecisionReference decision,
            @Schema(required = true, example = "2023-08-25T14:05:00Z") Instant at) {}

    @Schema(name = "StatementCharge", description = "One charge of the statement. amount is what the organization owes "
            + "for the year now; invoiced what has been invoiced (the amount at invoicing; 0 before); outstanding the "
            + "difference: still to invoice, or once invoiced the adjustments since, to debit (positive) or credit "
            + "(negative)")
    public record ChargeLine(@Schema(required = true) UUID chargeId,
            @Schema(required = true, example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID schemeId,
            @Schema(required = true, example = "GovTech Midtjylland 2024") String scheme,
            @Schema(required = true, example = "COLLABORATION") OwnerKind schemeOwnerKind,
            @Schema(required = true, example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID schemeOwnerId,
            @Schema(required = true, example = "648125") BigDecimal amount,
            @Schema(example = "12") int months,
            @Schema(required = true, example = "0") BigDecimal invoiced,
            @Schema(example = "2024-02-01T09:00:00Z") Instant invoicedAt,
            @Schema(required = true, example = "648125") BigDecimal outstanding,
            @Schema(required = true) Breakdown breakdown,
            @Schema(required = true, description = "Every version, oldest first") List<ChangeView> changes) {}

    @Schema(name = "Statement", description = "An organization's charges for a year across every scheme, with totals")
    public record StatementView(
            @Schema(required = true, example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139") UUID organizationId,
            @Schema(description = "As the read model of groups-service's organizations knows it",
                    example = "Aarhus Kommune") String organization,
            @Schema(example = "2024") int year,
            @Schema(required = true, description = "By scheme name") List<ChargeLine> charges,
            @Schema(required = true, example = "648125") BigDecimal total,
            @Schema(required = true, example = "0") BigDecimal invoiced,
            @Schema(required = true, example = "648125") BigDecimal outstanding) {}

    @Schema(name = "StatementYear", description = "A charge in one year, and the change from the year before")
    public record YearAmount(@Schema(example = "2024") int year,
            @Schema(description = "The scheme of that year; null in a total or a year without a charge")
            UUID schemeId,
            @Schema(description = "null when there was no charge that year", example = "648125") BigDecimal amount,
            @Schema(description = "amount less the year before's; null unless both years have an amount",
                    example = "15734") BigDecimal change) {}

    @Schema(name = "StatementSchemeYears", description = "One scheme's charges to the organization year by year")
    public record SchemeYears(@Schema(required = true, description = "The scheme's name without its year",
            example = "GovTech Midtjylland") String scheme,
            @Schema(required = true, example = "COLLABORATION") OwnerKind ownerKind,
            @Schema(required = true, example = "c64c18ce-9bd6-3996-a2d6-117b344092b6") UUID ownerId,
            @Schema(required = true, description = "One per year from `from` to `to`") List<YearAmount> years) {}

    @Schema(name = "StatementYears", description = "An organization's charges per scheme per year, with the change from "
            + "the year before, and the totals")
    public record YearsView(@Schema(required = true) UUID organizationId,
            @Schema(example = "Aarhus Kommune") String organization,
            @Schema(example = "2021") int from, @Schema(example = "2024") int to,
            @Schema(required = true) List<SchemeYears> schemes,
            @Schema(required = true, description = "The sum of the schemes, per year") List<YearAmount> totals) {}
}
