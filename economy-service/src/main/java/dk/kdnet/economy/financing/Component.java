package dk.kdnet.economy.financing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One part of a financing scheme; a charge is the sum of an organization's parts. */
public sealed interface Component {

    /** The name used in breakdowns and contribution-table exports. */
    String kind();

    /** Carried by the members in proportion to a key, weighted by their months of membership. */
    sealed interface Keyed extends Component {}

    /** A percentage of the scheme's shared total; the shares of a scheme add up to 100 %. */
    sealed interface Share extends Keyed {
        BigDecimal percent();
    }

    /** Charged to one named organization, whoever the members are. */
    sealed interface Party extends Component {
        String organizationId();
    }

    /** Split equally among the participating members (GovTech: 25 %). */
    record EqualShare(BigDecimal percent) implements Share {
        public String kind() {
            return "EQUAL_SHARE";
        }
    }

    /** Split in proportion to population on a reference date (GovTech: 75 %, 1 Jan 2023). */
    record ByPopulation(BigDecimal percent, LocalDate referenceDate) implements Share {
        public String kind() {
            return "BY_POPULATION";
        }
    }

    /** Split by a fixed key of units per member (climate: 1,000,000 kr over 2,229 units). */
    record ByUnits(BigDecimal percent) implements Share {
        public String kind() {
            return "BY_UNITS";
        }
    }

    /** Last year's charges scaled to this year's total. */
    record PreviousYearProportional(BigDecimal percent) implements Share {
        public String kind() {
            return "PREVIOUS_YEAR_PROPORTIONAL";
        }
    }

    /** A rate per inhabitant (Europæisk Kulturregion: 1 kr per inhabitant per year). */
    record PerCapita(BigDecimal rate, LocalDate referenceDate) implements Keyed {
        public String kind() {
            return "PER_CAPITA";
        }
    }

    /** A named organization pays a set amount. */
    record FixedAmount(String organizationId, BigDecimal amount) implements Party {
        public String kind() {
            return "FIXED_AMOUNT";
        }
    }

    /**
     * A party pays numerator/denominator of the other components' total. GovTech's region keeps
     * its 2022 ratio 254,300 / 2,266,473 to the municipal total (budget 2024, 25 Aug 2023, item 57).
     */
    record RatioOfTotal(String organizationId, BigDecimal numerator, BigDecimal denominator) implements Party {

        /** The party matches the others' total (the region for FSC and Europæisk Kulturregion). */
        public static RatioOfTotal matching(String organizationId) {
            return new RatioOfTotal(organizationId, BigDecimal.ONE, BigDecimal.ONE);
        }

        public String kind() {
            return numerator.compareTo(denominator) == 0 ? "MATCHING" : "RATIO_OF_TOTAL";
        }
    }
}
