package dk.kdnet.economy.charge;

import dk.kdnet.economy.Json;
import dk.kdnet.economy.financing.ChargeTable;
import dk.kdnet.economy.financing.InvalidSchemeException;
import dk.kdnet.economy.financing.Roster;
import dk.kdnet.economy.financing.Situation;
import dk.kdnet.economy.membership.CollaborationMembership;
import dk.kdnet.economy.membership.MembershipChanged;
import dk.kdnet.economy.organization.PopulationChanged;
import dk.kdnet.economy.scheme.SchemeDefined;
import dk.kdnet.economy.organization.Population;
import dk.kdnet.economy.recalculation.Recalculations;
import dk.kdnet.economy.reference.ReferenceDataLoader;
import dk.kdnet.economy.scheme.EngineSchemes;
import dk.kdnet.economy.scheme.Scheme;
import dk.kdnet.economy.scheme.SchemeApi.OwnerKind;
import dk.kdnet.economy.scheme.Scheme.Status;
import dk.kdnet.events.Outbox;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Keeps the charges of approved schemes in step with memberships, populations and the schemes themselves. Every
 * recalculation loads what it needs for all affected schemes in a few queries, then writes only the charges whose
 * amount changed, each as a new version with its cause and a {@code economy.charges} event: a few as entities, many
 * (from {@code kdnet.economy.recalculation.bulk-from}) in bulk by {@link BulkChargeWrites}, with the same rows.
 */
@ApplicationScoped
public class ChargeService {

    private static final Logger LOG = Logger.getLogger(ChargeService.class);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    ReferenceDataLoader referenceData;

    @Inject
    MeterRegistry metrics;

    @Inject
    Recalculations recalculations;

    @Inject
    BulkChargeWrites bulkWrites;

    /** From how many changed charges a recalculation writes them in bulk rather than as entities. */
    @ConfigProperty(name = "kdnet.economy.recalculation.bulk-from")
    int bulkFrom;

    /** How many schemes a recalculation works through at a time: memory holds one step's changes and events. */
    @ConfigProperty(name = "kdnet.economy.recalculation.schemes-per-step")
    int schemesPerStep;

    void on(@Observes SchemeDefined defined) {
        recalculate(List.of(defined.scheme()),
                defined.approval() ? Cause.schemeApproved(defined.decision()) : Cause.schemeChanged());
    }

    void on(@Observes MembershipChanged changed) {
        recalculateCollaboration(changed.collaborationId(),
                new Cause(changed.eventId(), changed.eventType(), changed.decision()));
    }

    void on(@Observes PopulationChanged changed) {
        recalculateForPopulation(changed.organizationId(), changed.referenceDate(),
                new Cause(changed.eventId(), changed.eventType(), null));
    }

    /** A membership of the collaboration changed. */
    @Transactional
    public void recalculateCollaboration(UUID collaborationId, Cause cause) {
        awaitReferenceData();
        recalculate(Scheme.list("ownerId = ?1 and status = ?2", collaborationId, Status.APPROVED), cause);
    }

    /** A population figure was recorded: the schemes that charge the organization by that date's figures. */
    @Transactional
    public void recalculateForPopulation(UUID organizationId, LocalDate referenceDate, Cause cause) {
        awaitReferenceData();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT s.id FROM financing_scheme s
                WHERE s.status = 'APPROVED' AND s.population_date = ?1
                  AND (s.members @> CAST(?2 AS jsonb)
                       OR s.owner_id IN (SELECT m.collaboration_id FROM collaboration_membership m
                                         WHERE m.organization_id = ?3))""")
                .unwrap(NativeQuery.class).addScalar("id", UUID.class)
                .setParameter(1, referenceDate)
                .setParameter(2, "[{\"organizationId\":\"" + organizationId + "\"}]")
                .setParameter(3, organizationId)
                .getResultList();
        if (!ids.isEmpty()) {
            recalculate(Scheme.list("id in ?1", ids), cause);
        }
    }

    // groups-service's events may arrive while the first start loads the reference schemes: wait for them. Once
    // this instance has seen them committed there is nothing to wait for, and each event saves a round trip.
    private void awaitReferenceData() {
        if (!referenceData.loaded()) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + ReferenceDataLoader.LOCK_KEY + ")")
                    .getSingleResult();
        }
    }

    /** Recalculates the schemes' charges as of the current memberships and populations. */
    @Transactional
    public void recalculate(List<Scheme> schemes, Cause cause) {
        if (schemes.isEmpty()) {
            return;
        }
        // Each outbox event is a native insert, which would otherwise flush (and dirty-check) every charge loaded
        // so far: quadratic in the charges. The changes are flushed once, at commit.
        em.flush();
        var session = em.unwrap(Session.class);
        var flushMode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.COMMIT);
        try {
            recalculateLoaded(schemes, cause);
        } finally {
            session.setHibernateFlushMode(flushMode);
        }
    }

    private void recalculateLoaded(List<Scheme> schemes, Cause cause) {
        var started = System.nanoTime();
        var progress = recalculations.start(cause.eventId(), cause.eventType(), cause.decision(), schemes.size());
        var inputs = Inputs.load(schemes);
        // Microseconds, as PostgreSQL keeps them: both ways of writing store the same instant.
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // In steps, all in this one transaction: 10,000 schemes' 190,000 changes and events at once did not fit in
        // the heap. Each step is written before the next is calculated, in bulk or as entities by its own size.
        var tracked = progress.track(schemes).iterator();
        var changed = 0;
        var bulk = false;
        while (tracked.hasNext()) {
            var step = new ArrayList<Scheme>(schemesPerStep);
            while (step.size() < schemesPerStep && tracked.hasNext()) {
                step.add(tracked.next());
            }
            var changes = changesOf(step, inputs);
            if (changes.size() >= bulkFrom) {
                bulkWrites.write(changes, cause, now);
                bulk = true;
            } else {
                writeEach(changes, cause, now);
            }
            outbox.publishAll(changes.stream().map(c -> c.event(cause)).toList());
            changed += changes.size();
        }
        progress.finish();
        var took = System.nanoTime() - started;
        // Up to the commit, which the transaction's caller pays.
        Timer.builder("kdnet.recalculation").description("Recalculations of charges, by the event type that caused "
                        + "them and how their changes were written (bulk or entities)")
                .tag("cause", String.valueOf(cause.eventType())).tag("writes", bulk ? "bulk" : "entities")
                .publishPercentileHistogram().register(metrics).record(took, TimeUnit.NANOSECONDS);
        LOG.infof("recalculated %d schemes after %s: %d charges changed (%s), %d ms", schemes.size(),
                cause.eventType(), changed, bulk ? "bulk" : "entities", took / 1_000_000);
    }

    /** What recalculating the schemes changes; a charge that stays as it is costs a comparison, nothing more. */
    private static List<ChargeChange> changesOf(List<Scheme> schemes, Inputs inputs) {
        var standing = Charge.standingOf(schemes.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(Charge.Standing::schemeId));
        var changes = new ArrayList<ChargeChange>();
        for (var scheme : schemes) {
            ChargeTable table;
            try {
                table = inputs.calculate(scheme);
            } catch (InvalidSchemeException e) {
                // One scheme that can no longer be applied must not hold up the others.
                LOG.warnf("scheme %s (%s %d) not recalculated: %s", scheme.id, scheme.name, scheme.year,
                        e.getMessage());
                continue;
            }
            scheme.total = table.total();
            scheme.sumOfRows = table.sumOfRows();
            var rows = new LinkedHashMap<UUID, dk.kdnet.economy.financing.Charge>();
            table.charges().forEach(c -> rows.put(UUID.fromString(c.organizationId()), c));
            var charges = new LinkedHashMap<UUID, Charge.Standing>();
            standing.getOrDefault(scheme.id, List.of()).forEach(c -> charges.put(c.organizationId(), c));
            var organizations = new LinkedHashSet<UUID>(rows.keySet());
            organizations.addAll(charges.keySet());
            for (var organizationId : organizations) {
                ChargeChange.of(scheme, organizationId, charges.get(organizationId), rows.get(organizationId))
                        .ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** A few changes: as entities, audited by Envers at commit. */
    private void writeEach(List<ChargeChange> changes, Cause cause, Instant now) {
        var loaded = Charge.<Charge>list("id in ?1", changes.stream().filter(c -> !c.isNew())
                .map(ChargeChange::chargeId).toList()).stream().collect(Collectors.toMap(c -> c.id, c -> c));
        for (var change : changes) {
            Charge charge;
            if (change.isNew()) {
                charge = new Charge();
                charge.id = change.chargeId();
                charge.schemeId = change.scheme().id;
                charge.organizationId = change.organizationId();
                charge.year = change.scheme().year;
            } else {
                charge = loaded.get(change.chargeId());
                // Changed (or gone) since its standing was read: the change was decided on a stale charge.
                if (charge == null || charge.version != change.standing().version()) {
                    throw new OptimisticLockException("charge " + change.chargeId() + " changed since it was read");
                }
            }
            change.applyTo(charge, now);
            if (change.isNew()) {
                charge.persist();
            }
            change.version(cause, now).persist();
        }
    }

    @Transactional
    public Charge invoice(UUID id) {
        var charge = get(id);
        if (charge.invoiced) {
            throw new Conflict("charge " + id + " was invoiced at " + charge.invoicedAt,
                    Map.of("invoicedAt", charge.invoicedAt.toString()));
        }
        charge.invoiced = true;
        charge.invoicedAt = Instant.now();
        charge.billed = charge.amount;
        return charge;
    }

    public Charge get(UUID id) {
        return Charge.<Charge>findByIdOptional(id).orElseThrow(() -> new NotFound("charge", id));
    }

    /** Memberships and population figures of a batch of schemes, loaded once. */
    public record Inputs(Map<UUID, List<CollaborationMembership.Term>> memberships,
            Map<Population.Key, Long> populations) {

        public static Inputs load(Collection<Scheme> schemes) {
            var collaborations = schemes.stream()
                    .filter(s -> s.ownerKind == OwnerKind.COLLABORATION)
                    .map(s -> s.ownerId)
                    .collect(Collectors.toSet());
            var memberships = new HashMap<UUID, List<CollaborationMembership.Term>>();
            for (var membership : CollaborationMembership.termsOf(collaborations)) {
                memberships.computeIfAbsent(membership.collaborationId(), k -> new ArrayList<>()).add(membership);
            }
            var dates = schemes.stream().map(s -> s.populationDate).filter(d -> d != null)
                    .collect(Collectors.toSet());
            var populations = new HashMap<Population.Key, Long>();
            if (!dates.isEmpty()) {
                Set<UUID> organizations = new HashSet<>();
                schemes.forEach(s -> s.storedMembers().forEach(m -> organizations.add(m.organizationId())));
                memberships.values().forEach(m -> m.forEach(t -> organizations.add(t.organizationId())));
                if (!organizations.isEmpty()) {
                    Population.<Population>list("organizationId in ?1 and referenceDate in ?2", organizations, dates)
                            .forEach(p -> populations.put(new Population.Key(p.organizationId, p.referenceDate),
                                    p.count));
                }
            }
            return new Inputs(memberships, populations);
        }

        public ChargeTable calculate(Scheme scheme) {
            return situation(scheme).calculate();
        }

        /** What the scheme's charges follow from now: its roster and the figures recorded for its date. */
        public Situation situation(Scheme scheme) {
            var terms = scheme.ownerKind == OwnerKind.COLLABORATION
                    ? this.memberships.getOrDefault(scheme.ownerId, List.of())
                    : List.<CollaborationMembership.Term>of();
            // An approved member the read model has no membership of (a body's scheme has none) is a member as
            // approved, so a scenario can let it leave as a change of the scheme would.
            var engine = EngineSchemes.of(scheme);
            var tenures = new ArrayList<>(terms.stream().map(CollaborationMembership.Term::tenure).toList());
            var onRoster = tenures.stream().map(Roster.Tenure::organizationId).collect(Collectors.toSet());
            engine.members().stream().filter(m -> !onRoster.contains(m.organizationId()))
                    .forEach(m -> tenures.add(new Roster.Tenure(m.organizationId(), m.organizationId(), m.joined(),
                            m.exit())));
            var roster = Roster.of(tenures);
            var recorded = new HashMap<String, Long>();
            if (scheme.populationDate != null) {
                populations.forEach((key, count) -> {
                    if (key.referenceDate().equals(scheme.populationDate)) {
                        recorded.put(key.organizationId().toString(), count);
                    }
                });
            }
            return new Situation(engine, scheme.basis(), scheme.populationDate, roster, recorded,
                    Map.of());
        }
    }
}
