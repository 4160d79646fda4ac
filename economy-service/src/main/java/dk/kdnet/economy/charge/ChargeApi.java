package dk.kdnet.economy.charge;

import dk.kdnet.web.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Views of charges and their versions. */
public final class ChargeApi {

    private ChargeApi() {}

    @Schema(name = "Charge")
    public record ChargeView(@Schema(required = true) UUID id,
            @Schema(required = true, example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID schemeId,
            @Schema(required = true, example = "0ee1ab01-3a60-387f-88a5-4e40a5cb6483") UUID organizationId,
            @Schema(example = "Hedensted") String organizationName, @Schema(example = "2024") int year,
            @Schema(required = true, example = "115429") BigDecimal amount,
            @Schema(description = "The number of the charge's latest calculation or adjustment: the version of its "
                    + "last entry in /versions and of its latest economy.charges event", example = "1")
            int latestVersion,
            @Schema(example = "false") boolean invoiced, Instant invoicedAt,
            @Schema(description = "Invoiced amount plus adjustments since", example = "115429") BigDecimal billed,
            @Schema(required = true) Breakdown breakdown,
            @Schema(description = "Changes with every change of the charge, invoicing included; the ETag",
                    example = "1") long version) implements Versioned {

        static ChargeView of(Charge c, String organizationName) {
            return new ChargeView(c.id, c.schemeId, c.organizationId, organizationName, c.year, c.amount,
                    c.chargeVersion, c.invoiced, c.invoicedAt, c.billed, c.breakdownView(), c.version);
        }
    }

    @Schema(name = "ChargeList", description = "Charges with the scheme total and the sum of the rows, which differ "
            + "under HALF_UP rounding (GovTech 2024: rows 2,484,445 against 2,484,444 municipal)")
    public record ChargeList(@Schema(example = "1f366afa-fe95-301f-9ffa-37cfc6a7ee71") UUID schemeId,
            @Schema(example = "2024") Integer year,
            @Schema(example = "2763201") BigDecimal schemeTotal,
            @Schema(example = "2763201", description = "the sum of all rows matching the filter, on all pages")
            BigDecimal sumOfRows, @Schema(required = true) List<ChargeView> items, @Schema(example = "0") int page,
            @Schema(example = "200") int size,
            @Schema(example = "17", description = "number of charges matching the filter, on all pages") long total) {}

    @Schema(name = "ChargeVersion")
    public record VersionView(@Schema(example = "2") int version,
            @Schema(required = true, example = "CALCULATION") String kind,
            @Schema(required = true, example = "0") BigDecimal amount,
            @Schema(example = "115429") BigDecimal previousAmount,
            @Schema(description = "Credit (negative) or debit of an invoiced charge") BigDecimal adjustment,
            UUID causeEventId,
            @Schema(required = true,
            example = "dk.kdnet.groups.collaboration-member-withdrew.v1") String causeEventType,
            @Schema(example = "0892b79f-8979-39fd-8386-c88d3054dade") UUID decisionId,
            @Schema(example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3") UUID meetingId,
            @Schema(example = "47ed8e75-8486-35a8-b1c2-fca410c9db52") UUID agendaItemId,
            @Schema(example = "57") Integer itemNumber,
            @Schema(required = true, example = "2023-08-25T14:05:00Z") Instant createdAt,
            @Schema(required = true) Breakdown breakdown) {

        static VersionView of(ChargeVersion v) {
            return new VersionView(v.chargeVersion, v.kind.name(), v.amount, v.previousAmount, v.adjustment,
                    v.causeEventId, v.causeEventType, v.decisionId, v.meetingId, v.agendaItemId, v.itemNumber,
                    v.createdAt, v.breakdownView());
        }
    }
}
