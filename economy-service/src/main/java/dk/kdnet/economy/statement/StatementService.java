package dk.kdnet.economy.statement;

import dk.kdnet.economy.charge.Charge;
import dk.kdnet.economy.charge.ChargeVersion;
import dk.kdnet.economy.organization.Organization;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeApi;
import dk.kdnet.economy.statement.StatementApi.ChangeView;
import dk.kdnet.economy.statement.StatementApi.ChargeLine;
import dk.kdnet.economy.statement.StatementApi.SchemeYears;
import dk.kdnet.economy.statement.StatementApi.StatementView;
import dk.kdnet.economy.statement.StatementApi.YearAmount;
import dk.kdnet.economy.statement.StatementApi.YearsView;
import dk.kdnet.problems.ProblemException.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An organization's statement, read from the charges as the charges API gives them: a year's charges across every
 * scheme with their versions, and the charges year by year. Only members and the secretariat see charges of
 * schemes not yet approved.
 */
@ApplicationScoped
public class StatementService {

    private static final Map<String, String> CAUSES = Map.of(
            "dk.kdnet.economy.scheme-approved.v1", "Ordningen godkendt",
            "dk.kdnet.economy.scheme-changed.v1", "Ordningen ændret",
            "dk.kdnet.groups.collaboration-member-joined.v1", "Indtrådt i samarbejdet",
            "dk.kdnet.groups.collaboration-member-withdrew.v1", "Udtrådt af samarbejdet",
            "dk.kdnet.groups.collaboration-withdrawal-revoked.v1", "Udtræden tilbagekaldt",
            "dk.kdnet.groups.collaboration-terms-changed.v1", "Samarbejdets vilkår ændret",
            "dk.kdnet.groups.population-recorded.v1", "Nyt indbyggertal");

    public StatementView statement(UUID organizationId, int year, boolean seesInternal) {
        var organization = organization(organizationId);
        var charges = charges(organizationId, "year = :year", Map.of("year", year), seesInternal);
        if (organization == null && charges.isEmpty()) {
            throw new NotFound("organization", organizationId);
        }
        var schemes = schemes(charges);
        var versions = charges.isEmpty() ? Map.<UUID, List<ChargeVersion>>of()
                : ChargeVersion.<ChargeVersion>list("chargeId in ?1 order by chargeVersion",
                        charges.stream().map(c -> c.id).toList()).stream()
                        .collect(Collectors.groupingBy(v -> v.chargeId));
        var lines = charges.stream()
                .map(c -> line(c, schemes.get(c.schemeId), versions.getOrDefault(c.id, List.of())))
                .sorted(Comparator.comparing(ChargeLine::scheme))
                .toList();
        return new StatementView(organizationId, name(organization), year, lines, sum(lines, ChargeLine::amount),
                sum(lines, ChargeLine::invoiced), sum(lines, ChargeLine::outstanding));
    }

    /** Each scheme's charge year by year from {@code from} to {@code to}, a scheme being its owner and name. */
    public YearsView years(UUID organizationId, int from, int to, boolean seesInternal) {
        var organization = organization(organizationId);
        var charges = charges(organizationId, "year between :from and :to", Map.of("from", from, "to", to),
                seesInternal);
        if (organization == null && charges.isEmpty()) {
            throw new NotFound("organization", organizationId);
        }
        var schemes = schemes(charges);
        record Series(SchemeApi.OwnerKind ownerKind, UUID ownerId, String name) {}
        var bySeries = new TreeMap<String, Map<Integer, List<Charge>>>();
        var series = new LinkedHashMap<String, Series>();
        for (var charge : charges) {
            var scheme = schemes.get(charge.schemeId);
            var name = scheme.name.replaceFirst("\\s*\\b" + scheme.year + "$", "");
            var key = name + "\u0000" + scheme.ownerId;
            series.putIfAbsent(key, new Series(scheme.ownerKind, scheme.ownerId, name));
            bySeries.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(charge.year, y -> new ArrayList<>())
                    .add(charge);
        }
        var views = new ArrayList<SchemeYears>();
        var totals = new TreeMap<Integer, BigDecimal>();
        bySeries.forEach((key, years) -> {
            var amounts = new ArrayList<YearAmount>();
            BigDecimal previous = null;
            for (var year = from; year <= to; year++) {
                var inYear = years.get(year);
                var amount = inYear == null ? null
                        : inYear.stream().map(StatementService::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
                var schemeId = inYear != null && inYear.size() == 1 ? inYear.getFirst().schemeId : null;
                amounts.add(new YearAmount(year, schemeId, amount, change(amount, previous)));
                if (amount != null) {
                    totals.merge(year, amount, BigDecimal::add);
                }
                previous = amount;
            }
            var s = series.get(key);
            views.add(new SchemeYears(s.name(), s.ownerKind(), s.ownerId(), amounts));
        });
        var totalYears = new ArrayList<YearAmount>();
        BigDecimal previous = null;
        for (var year = from; year <= to; year++) {
            var amount = totals.get(year);
            totalYears.add(new YearAmount(year, null, amount, change(amount, previous)));
            previous = amount;
        }
        return new YearsView(organizationId, name(organization), from, to, views, totalYears);
    }

    /** The latest year the organization is charged for, or {@code otherwise} when it has no charge. */
    public int latestYear(UUID organizationId, boolean seesInternal, int otherwise) {
        return charges(organizationId, "year >= :from", Map.of("from", 0), seesInternal).stream()
                .mapToInt(c -> c.year).max().orElse(otherwise);
    }

    private static BigDecimal change(BigDecimal amount, BigDecimal previous) {
        return amount == null || previous == null ? null : amount.subtract(previous);
    }

    /** What the organization owes for the charge now: once invoiced, the invoiced amount with the adjustments since. */
    static BigDecimal owed(Charge charge) {
        return charge.invoiced ? charge.billed : charge.amount;
    }

    private static ChargeLine line(Charge charge, Scheme scheme, List<ChargeVersion> versions) {
        var owed = owed(charge);
        var invoiced = charge.invoiced ? charge.amount : BigDecimal.ZERO;
        return new ChargeLine(charge.id, scheme.id, scheme.name, scheme.ownerKind, scheme.ownerId, owed, charge.months,
                invoiced, charge.invoicedAt, owed.subtract(invoiced), charge.breakdownView(),
                versions.stream().map(StatementService::change).toList());
    }

    private static ChangeView change(ChargeVersion v) {
        var decision = v.decisionId == null ? null
                : new dk.kdnet.events.DecisionReference(v.decisionId, v.meetingId, v.agendaItemId, v.itemNumber);
        var cause = CAUSES.getOrDefault(v.causeEventType, v.causeEventType);
        if (v.kind == ChargeVersion.Kind.ADJUSTMENT) {
            cause += " (regulering efter fakturering)";
        }
        return new ChangeView(v.chargeVersion, v.kind.name(), cause, v.causeEventType, v.amount, v.previousAmount,
                v.adjustment, decision, v.createdAt);
    }

    private static List<Charge> charges(UUID organizationId, String where, Map<String, Object> parameters,
            boolean seesInternal) {
        var all = new java.util.HashMap<String, Object>(parameters);
        all.put("organization", organizationId);
        var filter = "organizationId = :organization and " + where;
        if (!seesInternal) {
            filter += " and schemeId in (select s.id from Scheme s where s.status = :approved)";
            all.put("approved", Scheme.Status.APPROVED);
        }
        return Charge.list(filter, all);
    }

    private static Map<UUID, Scheme> schemes(List<Charge> charges) {
        if (charges.isEmpty()) {
            return Map.of();
        }
        return Scheme.<Scheme>list("id in ?1", charges.stream().map(c -> c.schemeId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s));
    }

    private static Organization organization(UUID id) {
        return Organization.findById(id);
    }

    private static String name(Organization organization) {
        return organization == null ? null : organization.name;
    }

    private static BigDecimal sum(List<ChargeLine> lines, Function<ChargeLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
