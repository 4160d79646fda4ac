package dk.kdnet.economy.charge;

import dk.kdnet.events.audit.AuditRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;

/**
 * Writes a large recalculation's changes as a handful of statements over arrays instead of entity by entity: the
 * charges (each under its optimistic version, as Hibernate would check it), their Envers audit rows in the
 * transaction's own revision, and their versions. What it writes is row for row what the entity way writes
 * ({@code BulkRecalculationTest}), so {@code /versions} and {@code /history} answer the same; it only skips the
 * per-entity work of the ORM and Envers, which cost most of a recalculation of thousands of charges.
 */
@ApplicationScoped
class BulkChargeWrites {

    @Inject
    EntityManager em;

    /** Writes the changes in the current transaction; none of them if any charge was changed since it was read. */
    void write(List<ChargeChange> changes, Cause cause, Instant now) {
        var session = em.unwrap(Session.class);
        // The revision Envers gives this transaction (inserted now if it has none yet, stamped by its listener),
        // shared with anything else the transaction audits.
        var revision = AuditReaderFactory.get(em).getCurrentRevision(AuditRevision.class, true).id;
        var updated = changes.stream().filter(c -> !c.isNew()).toList();
        var created = changes.stream().filter(ChargeChange::isNew).toList();
        session.doWork(connection -> {
            var rows = updateCharges(connection, updated, now);
            if (rows != updated.size()) {
                throw new OptimisticLockException("recalculation: " + (updated.size() - rows) + " of "
                        + updated.size() + " charges were changed since they were read");
            }
            insertCharges(connection, created, now);
            insertAudit(connection, changes, revision);
            insertVersions(connection, changes, cause, now);
        });
    }

    private static int updateCharges(Connection connection, List<ChargeChange> changes, Instant now)
            throws SQLException {
        if (changes.isEmpty()) {
            return 0;
        }
        try (var update = connection.prepareStatement("""
                UPDATE charge c SET amount = u.amount, billed = u.billed, months = u.months,
                       breakdown = COALESCE(u.breakdown::jsonb, c.breakdown), charge_version = u.charge_version,
                       updated_at = ?, version = c.version + 1
                FROM unnest(?::uuid[], ?::bigint[], ?::numeric[], ?::numeric[], ?::int[], ?::text[], ?::int[])
                     AS u(id, expected, amount, billed, months, breakdown, charge_version)
                WHERE c.id = u.id AND c.version = u.expected""")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setArray(2, array(connection, "uuid", changes, ChargeChange::chargeId));
            update.setArray(3, array(connection, "int8", changes, c -> c.standing().version()));
            update.setArray(4, array(connection, "numeric", changes, ChargeChange::amount));
            update.setArray(5, array(connection, "numeric", changes, ChargeChange::billed));
            update.setArray(6, array(connection, "int4", changes, ChargeChange::months));
            // An adjustment leaves the charge's breakdown as it was.
            update.setArray(7, array(connection, "text", changes, c -> c.isAdjustment() ? null : c.breakdown()));
            update.setArray(8, array(connection, "int4", changes, ChargeChange::chargeVersion));
            return update.executeUpdate();
        }
    }

    private static void insertCharges(Connection connection, List<ChargeChange> changes, Instant now)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (var insert = connection.prepareStatement("""
                INSERT INTO charge (id, scheme_id, organization_id, year, amount, charge_version, months, breakdown,
                                    invoiced, updated_at, version)
                SELECT u.id, u.scheme_id, u.organization_id, u.year, u.amount, u.charge_version, u.months,
                       u.breakdown::jsonb, false, ?, 0
                FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::numeric[], ?::int[], ?::int[], ?::text[])
                     AS u(id, scheme_id, organization_id, year, amount, charge_version, months, breakdown)""")) {
            insert.setObject(1, now.atOffset(ZoneOffset.UTC));
            insert.setArray(2, array(connection, "uuid", changes, ChargeChange::chargeId));
            insert.setArray(3, array(connection, "uuid", changes, c -> c.scheme().id));
            insert.setArray(4, array(connection, "uuid", changes, ChargeChange::organizationId));
            insert.setArray(5, array(connection, "int4", changes, c -> c.scheme().year));
            insert.setArray(6, array(connection, "numeric", changes, ChargeChange::amount));
            insert.setArray(7, array(connection, "int4", changes, ChargeChange::chargeVersion));
            insert.setArray(8, array(connection, "int4", changes, ChargeChange::months));
            insert.setArray(9, array(connection, "text", changes, ChargeChange::breakdown));
            insert.executeUpdate();
        }
    }

    /**
     * The audit rows Envers would write: the charge's whole state after the change, read back from the rows just
     * written. Envers writes the breakdown through the entity's {@code ?::jsonb} too, so its text is PostgreSQL's.
     */
    private static void insertAudit(Connection connection, List<ChargeChange> changes, long revision)
            throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO charge_aud (id, rev, revtype, scheme_id, organization_id, year, amount, charge_version,
                                        months, breakdown, invoiced, invoiced_at, billed, updated_at)
                SELECT c.id, ?, u.revtype, c.scheme_id, c.organization_id, c.year, c.amount, c.charge_version,
                       c.months, c.breakdown::text, c.invoiced, c.invoiced_at, c.billed, c.updated_at
                FROM unnest(?::uuid[], ?::int2[]) AS u(id, revtype)
                JOIN charge c ON c.id = u.id""")) {
            insert.setLong(1, revision);
            insert.setArray(2, array(connection, "uuid", changes, ChargeChange::chargeId));
            insert.setArray(3, array(connection, "int2", changes,
                    c -> (short) (c.isNew() ? RevisionType.ADD : RevisionType.MOD).getRepresentation()));
            insert.executeUpdate();
        }
    }

    private static void insertVersions(Connection connection, List<ChargeChange> changes, Cause cause, Instant now)
            throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO charge_version (id, charge_id, charge_version, kind, amount, previous_amount, adjustment,
                                            breakdown, cause_event_id, cause_event_type, decision_id, meeting_id,
                                            agenda_item_id, item_number, created_at)
                SELECT u.id, u.charge_id, u.charge_version, u.kind, u.amount, u.previous_amount, u.adjustment,
                       u.breakdown::jsonb, ?, ?, ?, ?, ?, ?, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                            ?::text[])
                     AS u(id, charge_id, charge_version, kind, amount, previous_amount, adjustment, breakdown)""")) {
            var decision = cause.decision();
            uuid(insert, 1, cause.eventId());
            insert.setString(2, cause.eventType());
            uuid(insert, 3, decision == null ? null : decision.decisionId());
            uuid(insert, 4, decision == null ? null : decision.meetingId());
            uuid(insert, 5, decision == null ? null : decision.agendaItemId());
            insert.setObject(6, decision == null ? null : decision.itemNumber(), Types.INTEGER);
            insert.setObject(7, now.atOffset(ZoneOffset.UTC));
            insert.setArray(8, array(connection, "uuid", changes, c -> UUID.randomUUID()));
            insert.setArray(9, array(connection, "uuid", changes, ChargeChange::chargeId));
            insert.setArray(10, array(connection, "int4", changes, ChargeChange::chargeVersion));
            insert.setArray(11, array(connection, "text", changes, c -> c.kind().name()));
            insert.setArray(12, array(connection, "numeric", changes, ChargeChange::amount));
            insert.setArray(13, array(connection, "numeric", changes, ChargeChange::previousAmount));
            insert.setArray(14, array(connection, "numeric", changes, ChargeChange::adjustment));
            insert.setArray(15, array(connection, "text", changes, ChargeChange::breakdown));
            insert.executeUpdate();
        }
    }

    private static void uuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private static java.sql.Array array(Connection connection, String type, List<ChargeChange> changes,
            Function<ChargeChange, Object> column) throws SQLException {
        var values = new Object[changes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(changes.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}
