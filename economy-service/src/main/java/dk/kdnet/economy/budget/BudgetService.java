package dk.kdnet.economy.budget;

import dk.kdnet.economy.Json;
import dk.kdnet.economy.budget.BudgetApi.BudgetRequest;
import dk.kdnet.economy.budget.BudgetApi.Kind;
import dk.kdnet.economy.budget.BudgetApi.Line;
import dk.kdnet.economy.budget.BudgetApi.PrintedTotals;
import dk.kdnet.economy.budget.BudgetApi.Status;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.rules.RuleException;
import dk.kdnet.web.ETags;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Budgets and accounts: versions of a line tree moving DRAFT → PROPOSED → APPROVED. */
@ApplicationScoped
public class BudgetService {

    /** The status changes allowed; a proposal may go back to draft. */
    private static final Map<Status, Set<Status>> TRANSITIONS = Map.of(
            Status.DRAFT, Set.of(Status.PROPOSED),
            Status.PROPOSED, Set.of(Status.APPROVED, Status.DRAFT),
            Status.APPROVED, Set.of());

    /** A budget's current version; 404 for an unknown budget. */
    public BudgetVersion currentVersion(UUID id) {
        get(id);
        return BudgetVersion.current(id);
    }

    public record Listing(List<Budget> items, long total) {}

    @Transactional
    public Budget create(UUID id, BudgetRequest request) {
        var budget = new Budget();
        budget.id = id;
        budget.ownerKind = request.ownerKind();
        budget.ownerId = request.ownerId();
        budget.year = request.year();
        budget.kind = request.kind();
        budget.title = request.title();
        budget.createdAt = Instant.now();
        budget.persist();
        newVersion(budget, 1, request.carriedIn(), request.printedTotals(), request.lines());
        return budget;
    }

    /**
     * New lines, if the budget is still the version the caller read ({@code ifMatch}): a draft is replaced, a proposed
     * or approved version is kept and a new draft made.
     */
    @Transactional
    public BudgetVersion changeLines(UUID id, String ifMatch, BigDecimal carriedIn, PrintedTotals printed,
            List<Line> lines) {
        var budget = forChange(id);
        ETags.requireMatch(ifMatch, budget.version);
        var current = BudgetVersion.current(id);
        if (current.status == Status.DRAFT) {
            check(lines);
            current.carriedIn = carriedIn(budget, carriedIn);
            current.lines = Json.write(lines);
            current.printedTotals = printed == null ? null : Json.write(printed);
            return current;
        }
        return newVersion(budget, current.number + 1, carriedIn, printed, lines);
    }

    @Transactional
    public BudgetVersion transition(UUID id, Status to) {
        forChange(id);
        var current = BudgetVersion.current(id);
        requireTransition(id, current, to);
        current.status = to;
        current.statusAt = Instant.now();
        return current;
    }

    /**
     * A meeting decision approves the budget's current version (a BUDGET_APPROVED effect), by the same rule as the API
     * (a proposed version becomes approved), naming the decision as the cause. The budget is the one named, else the
     * deciding body's budget of {@code year}. A version this decision approved already stays as it is (the decision
     * recorded again).
     */
    @Transactional
    public void approveByDecision(UUID budgetId, UUID decidingBody, int year, DecisionReference decision) {
        var id = budgetId != null ? budgetId : bodyBudget(decidingBody, year);
        var budget = get(id);
        if (budget.kind != Kind.BUDGET || budget.year != year) {
            throw RuleException.broken("budgetId", "budget " + id + " is the " + budget.kind + " of " + budget.year
                    + ", not the budget of " + year);
        }
        var current = BudgetVersion.current(id);
        if (current.status == Status.APPROVED && decision.decisionId().equals(current.decisionId)) {
            return;
        }
        forChange(id);
        requireTransition(id, current, Status.APPROVED);
        current.status = Status.APPROVED;
        current.statusAt = Instant.now();
        current.decisionId = decision.decisionId();
        current.meetingId = decision.meetingId();
        current.agendaItemId = decision.agendaItemId();
        current.itemNumber = decision.itemNumber();
    }

    private static UUID bodyBudget(UUID bodyId, int year) {
        List<Budget> budgets = Budget.list("ownerKind = ?1 and ownerId = ?2 and year = ?3 and kind = ?4",
                OwnerKind.BODY, bodyId, year, Kind.BUDGET);
        if (budgets.size() != 1) {
            throw RuleException.broken("budgetId", "body " + bodyId + " has " + budgets.size() + " budgets of " + year
                    + "; the effect must name the budget");
        }
        return budgets.getFirst().id;
    }

    private static void requireTransition(UUID id, BudgetVersion current, Status to) {
        if (!TRANSITIONS.get(current.status).contains(to)) {
            throw RuleException.conflict("budget " + id + " version " + current.number + " is " + current.status
                    + "; it cannot become " + to, Map.of("currentStatus", current.status.name()));
        }
    }

    public Budget get(UUID id) {
        return Budget.<Budget>findByIdOptional(id).orElseThrow(() -> RuleException.unknown("budget", id));
    }

    // The lines and status live in the versions; the budget's own version counts their changes, so that one ETag
    // covers what the budget shows whichever of its versions changed.
    private static Budget forChange(UUID id) {
        return Budget.<Budget>findByIdOptional(id, LockModeType.OPTIMISTIC_FORCE_INCREMENT)
                .orElseThrow(() -> RuleException.unknown("budget", id));
    }

    /**
     * The version of a budget the caller reads: the current one for members and the secretariat, the latest approved
     * one for anyone else (a budget never approved does not exist for them).
     */
    public BudgetVersion shown(UUID id, boolean seesInternal) {
        var version = seesInternal ? BudgetVersion.current(id)
                : BudgetVersion.<BudgetVersion>find("budgetId = ?1 and status = ?2 order by number desc", id,
                        Status.APPROVED).firstResult();
        if (version == null) {
            throw RuleException.unknown("budget", id);
        }
        return version;
    }

    /** The versions of a budget the caller reads, oldest first: the approved ones only unless internal. */
    public List<BudgetVersion> versions(UUID id, boolean seesInternal) {
        shown(id, seesInternal);
        return seesInternal ? BudgetVersion.list("budgetId = ?1 order by number", id)
                : BudgetVersion.list("budgetId = ?1 and status = ?2 order by number", id, Status.APPROVED);
    }

    /** Budgets, those with an approved version only unless {@code seesInternal}. */
    public Listing list(UUID ownerId, Integer year, Kind kind, boolean seesInternal, int page, int size) {
        var where = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        if (!seesInternal) {
            where.add("id in (select v.budgetId from BudgetVersion v where v.status = :approved)");
            parameters.put("approved", Status.APPROVED);
        }
        if (ownerId != null) {
            where.add("ownerId = :owner");
            parameters.put("owner", ownerId);
        }
        if (year != null) {
            where.add("year = :year");
            parameters.put("year", year);
        }
        if (kind != null) {
            where.add("kind = :kind");
            parameters.put("kind", kind);
        }
        var query = Budget.<Budget>find(String.join(" and ", where), Sort.by("year").and("kind"), parameters)
                .page(Page.of(page, size));
        return new Listing(query.list(), query.count());
    }

    private BudgetVersion newVersion(Budget budget, int number, BigDecimal carriedIn, PrintedTotals printed,
            List<Line> lines) {
        check(lines);
        var version = new BudgetVersion();
        version.id = UUID.randomUUID();
        version.budgetId = budget.id;
        version.number = number;
        version.status = Status.DRAFT;
        version.carriedIn = carriedIn(budget, carriedIn);
        version.lines = Json.write(lines);
        version.printedTotals = printed == null ? null : Json.write(printed);
        version.createdAt = Instant.now();
        version.statusAt = version.createdAt;
        version.persist();
        return version;
    }

    // Left out, what is carried in is what last year's accounts carried out (accounts 2022 → budget 2023).
    private static BigDecimal carriedIn(Budget budget, BigDecimal given) {
        if (given != null) {
            return given;
        }
        Budget previous = Budget.find("ownerId = ?1 and year = ?2 and kind = ?3", budget.ownerId, budget.year - 1,
                Kind.ACCOUNTS).firstResult();
        if (previous == null) {
            return BigDecimal.ZERO;
        }
        var version = BudgetVersion.current(previous.id);
        return version.totals().carriedOut();
    }

    private static void check(List<Line> lines) {
        var field = BudgetTotals.problem(lines);
        if (field != null) {
            throw RuleException.broken(field, field.endsWith(".side")
                    ? "a top-level line states whether it is INCOME or EXPENSE"
                    : field.endsWith(".printed") ? "only a group line has a printed amount beside its sub-lines' sum"
                    : "a line has either an amount or sub-lines, not both or neither");
        }
    }
}
