package dk.kdnet.events.audit;

import dk.kdnet.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/** The audited history of one entity, oldest change first, for the {@code /history} endpoints. */
@ApplicationScoped
public class AuditHistory {

    @Inject
    EntityManager em;

    /** One change: the revision, who and when, what kind of change, and the state after it. */
    public record Entry<V>(@Schema(required = true) long revision, @Schema(required = true) Instant changedAt,
            String actor, String correlationId, @Schema(required = true) String change,
            V state) {}

    @Transactional
    public <E, V> List<Entry<V>> of(Class<E> entityType, Object id, String what, Function<E, V> view) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(entityType, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException.NotFound(what, id);
        }
        return rows.stream().map(row -> {
            @SuppressWarnings("unchecked")
            var entity = (E) row[0];
            var revision = (AuditRevision) row[1];
            var type = (RevisionType) row[2];
            return new Entry<>(revision.id, Instant.ofEpochMilli(revision.changedAt), revision.actor,
                    revision.correlationId, type.name(), type == RevisionType.DEL ? null : view.apply(entity));
        }).toList();
    }
}
