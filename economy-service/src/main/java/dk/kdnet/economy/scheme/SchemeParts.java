package dk.kdnet.economy.scheme;

import dk.kdnet.economy.financing.Correction;
import dk.kdnet.economy.financing.PopulationFigure;
import dk.kdnet.economy.scheme.SchemeApi.ComponentKind;
import dk.kdnet.economy.scheme.SchemeApi.ComponentSpec;
import dk.kdnet.economy.scheme.SchemeApi.CorrectionSpec;
import dk.kdnet.economy.scheme.SchemeApi.MemberSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A scheme's parts as its JSON columns hold them: storage's own records, so the REST records can change without
 * changing what is stored (the JSON keeps the property names it always had), and the mapping between the two.
 */
public final class SchemeParts {

    private SchemeParts() {}

    public enum Kind {
        FIXED_AMOUNT, EQUAL_SHARE, BY_POPULATION, BY_UNITS, PER_CAPITA, RATIO_OF_TOTAL, MATCHING,
        PREVIOUS_YEAR_PROPORTIONAL
    }

    public record StoredComponent(Kind kind, BigDecimal percent, LocalDate referenceDate, BigDecimal rate,
            UUID organizationId, BigDecimal amount, BigDecimal numerator, BigDecimal denominator) {}

    /** A member as approved, with the population it is charged by at approval and where that figure came from. */
    public record StoredMember(UUID organizationId, Long population, PopulationFigure.Source populationSource,
            BigDecimal units, BigDecimal previousCharge, LocalDate joinedOn, LocalDate exit) {}

    public record StoredCorrection(BigDecimal amount, Correction.Basis basis, String reason) {}

    static List<StoredComponent> components(List<ComponentSpec> specs) {
        return specs.stream().map(c -> new StoredComponent(Kind.valueOf(c.kind().name()), c.percent(),
                c.referenceDate(), c.rate(), c.organizationId(), c.amount(), c.numerator(), c.denominator())).toList();
    }

    static List<StoredCorrection> corrections(List<CorrectionSpec> specs) {
        return specs.stream().map(c -> new StoredCorrection(c.amount(), c.basis(), c.reason())).toList();
    }

    static List<ComponentSpec> componentSpecs(List<StoredComponent> stored) {
        return stored.stream().map(c -> new ComponentSpec(ComponentKind.valueOf(c.kind().name()), c.percent(),
                c.referenceDate(), c.rate(), c.organizationId(), c.amount(), c.numerator(), c.denominator())).toList();
    }

    static List<MemberSpec> memberSpecs(List<StoredMember> stored) {
        return stored.stream().map(m -> new MemberSpec(m.organizationId(), m.population(), m.populationSource(),
                m.units(), m.previousCharge(), m.joinedOn(), m.exit())).toList();
    }

    static List<CorrectionSpec> correctionSpecs(List<StoredCorrection> stored) {
        return stored.stream().map(c -> new CorrectionSpec(c.amount(), c.basis(), c.reason())).toList();
    }
}
