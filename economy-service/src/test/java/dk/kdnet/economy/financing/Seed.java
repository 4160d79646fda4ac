package dk.kdnet.economy.financing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.kdnet.economy.financing.Component.ByPopulation;
import dk.kdnet.economy.financing.Component.EqualShare;
import dk.kdnet.economy.financing.Component.RatioOfTotal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/** The printed seed tables (test resources copied from kdnet-reference.json) and shared fixtures. */
final class Seed {

    static final String REGION = "region-midtjylland";
    static final LocalDate JAN_1_2023 = LocalDate.of(2023, 1, 1);
    static final BigDecimal INDEX_2022_2023 = new BigDecimal("1.0172");

    /** One printed row; absent components are null. */
    record Row(String organizationId, String printedName, long rowTotal, Long population, Long equalShare,
               Long populationShare, Long units, Long fixedAmount) {}

    private static final List<String[]> TABLES = read("/financing/contribution-tables.csv");
    private static final List<String[]> TOTALS = read("/financing/printed-totals.csv");

    private Seed() {}

    static BigDecimal kr(long amount) {
        return BigDecimal.valueOf(amount);
    }

    static BigDecimal kr(String amount) {
        return new BigDecimal(amount);
    }

    /** The member rows of a printed table, in printed order. */
    static List<Row> rows(String table) {
        return TABLES.stream()
                .filter(c -> c[0].equals(table) && Boolean.parseBoolean(c[3]))
                .map(c -> new Row(c[1], c[2], Long.parseLong(c[4]), number(c[5]), number(c[6]), number(c[7]),
                        number(c[8]), number(c[9])))
                .toList();
    }

    static Map<String, Long> printedRows(String table) {
        var printed = new LinkedHashMap<String, Long>();
        rows(table).forEach(r -> printed.put(r.organizationId(), r.rowTotal()));
        return printed;
    }

    static long printedTotal(String table, String column) {
        return TOTALS.stream()
                .filter(c -> c[0].equals(table) && c[1].equals(column))
                .map(c -> Long.parseLong(c[2]))
                .findFirst()
                .orElseThrow();
    }

    /** Members whose last-year charges are a printed table's rows (the key of the next year). */
    static List<Member> chargedIn(String table) {
        return rows(table).stream()
                .map(r -> Member.of(r.organizationId()).withPreviousCharge(kr(r.rowTotal())))
                .toList();
    }

    /** The same map without the given organizations, for tables where a printed figure fits no rule. */
    static Map<String, Long> without(Map<String, Long> rows, String... organizations) {
        var copy = new LinkedHashMap<>(rows);
        Stream.of(organizations).forEach(copy::remove);
        return copy;
    }

    /** The same map with one organization's amount replaced, where the rule gives another figure. */
    static Map<String, Long> replacing(Map<String, Long> rows, String organization, long amount) {
        var copy = new LinkedHashMap<>(rows);
        copy.replace(organization, amount);
        return copy;
    }

    static void assertAmounts(Map<String, Long> expected, ChargeTable table) {
        assertAll(expected.entrySet().stream().map(e -> (Executable) () -> assertEquals(kr(e.getValue()),
                table.charge(e.getKey()).amount(), e.getKey())));
    }

    /** Asserts that the table has exactly these rows, in this order. */
    static void assertRows(Map<String, Long> expected, ChargeTable table) {
        assertEquals(List.copyOf(expected.keySet()), table.charges().stream().map(Charge::organizationId).toList());
        assertAmounts(expected, table);
    }

    static BigDecimal share(Charge charge, Predicate<Component> component) {
        return charge.components().stream()
                .filter(s -> component.test(s.component()))
                .map(Charge.ComponentShare::rounded)
                .findFirst()
                .orElseThrow();
    }

    static <T> Map<String, T> byOrganization(ChargeTable table, Function<Charge, T> value) {
        var result = new LinkedHashMap<String, T>();
        table.charges().forEach(c -> result.put(c.organizationId(), value.apply(c)));
        return result;
    }

    /**
     * GovTech Midtjylland 2024 as proposed on 25 Aug 2023 (item 57): municipal total 2,484,444,
     * 25 % equally, 75 % by population on 1 Jan 2023, the region at its 2022 ratio; VARIABLE.
     */
    static FinancingScheme govTech2024() {
        var members = rows("GOVTECH-2024").stream()
                .filter(r -> r.population() != null)
                .map(r -> Member.of(r.organizationId()).withPopulation(r.population(), JAN_1_2023))
                .toList();
        return FinancingScheme.of("govtech-midtjylland", 2024, BudgetMode.VARIABLE, RoundingPolicy.HALF_UP,
                kr(2_484_444),
                List.of(new EqualShare(kr(25)), new ByPopulation(kr(75), JAN_1_2023),
                        new RatioOfTotal(REGION, kr(254_300), kr(2_266_473))),
                members);
    }

    private static Long number(String cell) {
        return cell.isEmpty() ? null : Long.valueOf(cell);
    }

    private static List<String[]> read(String resource) {
        try (var in = Objects.requireNonNull(Seed.class.getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#"))
                    .skip(1)
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The approved members with one member's exit taking effect on {@code exit}, by the roster's rules. */
    static java.util.List<Member> afterExit(FinancingScheme scheme, String organizationId, java.time.LocalDate exit) {
        return scheme.currentMembers(Roster.of(scheme.members()).leave(organizationId, exit), Member::population);
    }

    /** The approved members and one more, joining with its own population figure. */
    static java.util.List<Member> afterJoining(FinancingScheme scheme, Member joiner) {
        var roster = Roster.of(scheme.members()).join("joined", joiner.organizationId(), joiner.joined());
        return scheme.currentMembers(roster,
                m -> m.organizationId().equals(joiner.organizationId()) ? joiner.population() : m.population());
    }
}
