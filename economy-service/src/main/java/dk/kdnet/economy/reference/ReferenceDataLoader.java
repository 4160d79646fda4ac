package dk.kdnet.economy.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.economy.budget.BudgetApi;
import dk.kdnet.economy.budget.BudgetService;
import dk.kdnet.economy.financing.BudgetMode;
import dk.kdnet.economy.financing.PopulationBasis;
import dk.kdnet.economy.financing.RoundingPolicy;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeApi.ComponentKind;
import dk.kdnet.economy.scheme.SchemeApi.ComponentSpec;
import dk.kdnet.economy.scheme.SchemeApi.CorrectionSpec;
import dk.kdnet.economy.scheme.SchemeApi.MemberSpec;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.economy.scheme.SchemeApi.SchemeRequest;
import dk.kdnet.economy.scheme.SchemeService;
import dk.kdnet.events.DecisionReference;
import dk.kdnet.events.ReferenceIds;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads the financing schemes of the seed documents on the first start and approves them, which computes their
 * charges, and the four columns of KD-Net's annual report of 27 Jan 2023 (accounts 2021 and 2022, budgets 2022
 * and 2023) with their printed subtotals. The memberships come later, from groups-service's events, and recalculate what they change (Hedensted's
 * exit on 1 Jan 2024).
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    /** Held while the reference data loads; recalculations wait for it, so none runs against half-loaded data. */
    public static final long LOCK_KEY = 0x6b646e6574656366L; // "kdnetecf"

    @Inject
    SchemeService schemes;

    @Inject
    BudgetService budgets;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    private volatile boolean loaded;

    record ReferenceComponent(ComponentKind kind, BigDecimal percent, LocalDate referenceDate, BigDecimal rate,
            String organization, BigDecimal amount, BigDecimal numerator, BigDecimal denominator) {}

    record ReferenceMember(String organization, Long population, BigDecimal units, BigDecimal previousCharge) {}

    record ReferenceDecision(String meeting, int item) {}

    record ReferenceScheme(String slug, OwnerKind ownerKind, String owner, String name, int year,
            BudgetMode budgetMode, RoundingPolicy rounding, BigDecimal sharedTotal, BigDecimal indexation,
            List<ReferenceComponent> components, List<ReferenceMember> members, List<CorrectionSpec> corrections,
            ReferenceDecision decision, PopulationBasis populationBasis) {}

    record ReferenceFile(String about, List<ReferenceScheme> schemes) {}

    record ReferenceBudget(String slug, OwnerKind ownerKind, String owner, int year, BudgetApi.Kind kind,
            String title, BigDecimal carriedIn, BudgetApi.PrintedTotals printedTotals, List<BudgetApi.Line> lines) {}

    record BudgetFile(String about, List<ReferenceBudget> budgets) {}

    /** The id of a reference budget, e.g. {@code kdnet-budget-2023}. */
    public static UUID budgetId(String slug) {
        return ReferenceIds.of("budget", slug);
    }

    /** The id of a reference scheme, e.g. {@code govtech-midtjylland-2024}. */
    public static UUID schemeId(String slug) {
        return ReferenceIds.of("financing-scheme", slug);
    }

    /** Whether this instance has seen the reference data committed (loaded by it or by another instance). */
    public boolean loaded() {
        return loaded;
    }

    @Transactional
    void load(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent startup) {
        // Several instances may start at once; the first one loads, the others find the data.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (Scheme.count() > 0) {
            return;
        }
        var file = read("reference-data/schemes.json", ReferenceFile.class);
        for (var reference : file.schemes()) {
            var id = schemeId(reference.slug());
            schemes.create(id, request(reference), true);
            schemes.approve(id, decision(reference.decision()));
        }
        // In order: a budget that leaves out what it carries in takes it from the year before's accounts.
        var budgetFile = read("reference-data/budgets.json", BudgetFile.class);
        for (var reference : budgetFile.budgets()) {
            var id = budgetId(reference.slug());
            budgets.create(id, new BudgetApi.BudgetRequest(reference.ownerKind(), owner(reference.ownerKind(),
                    reference.owner()), reference.year(), reference.kind(), reference.title(), reference.carriedIn(),
                    reference.printedTotals(), reference.lines()));
            budgets.transition(id, BudgetApi.Status.PROPOSED);
            budgets.transition(id, BudgetApi.Status.APPROVED);
        }
        LOG.infof("loaded reference data: %d financing schemes, %d budgets", file.schemes().size(),
                budgetFile.budgets().size());
    }

    // After load's transaction has committed.
    void markLoaded(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) StartupEvent startup) {
        loaded = true;
    }

    private static SchemeRequest request(ReferenceScheme s) {
        var owner = owner(s.ownerKind(), s.owner());
        var components = s.components().stream()
                .map(c -> new ComponentSpec(c.kind(), c.percent(), c.referenceDate(), c.rate(),
                        c.organization() == null ? null : ReferenceIds.organization(c.organization()), c.amount(),
                        c.numerator(), c.denominator()))
                .toList();
        var members = s.members().stream()
                .map(m -> new MemberSpec(ReferenceIds.organization(m.organization()), m.population(), m.units(),
                        m.previousCharge(), null, null))
                .toList();
        return new SchemeRequest(s.ownerKind(), owner, s.name(), s.year(), s.budgetMode(), s.rounding(),
                s.sharedTotal(), s.indexation(), components, members, s.corrections(), s.populationBasis());
    }

    private static UUID owner(OwnerKind kind, String slug) {
        return switch (kind) {
            case BODY -> ReferenceIds.body(slug);
            case COLLABORATION -> ReferenceIds.collaboration(slug);
            case SECRETARIAT -> ReferenceIds.secretariat(slug);
            case ORGANIZATION -> ReferenceIds.organization(slug);
        };
    }

    private static DecisionReference decision(ReferenceDecision decision) {
        if (decision == null) {
            return null;
        }
        var item = decision.meeting() + "-" + decision.item();
        return new DecisionReference(ReferenceIds.decision(item), ReferenceIds.meeting(decision.meeting()),
                ReferenceIds.agendaItem(item), decision.item());
    }

    private <T> T read(String resource, Class<T> type) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
