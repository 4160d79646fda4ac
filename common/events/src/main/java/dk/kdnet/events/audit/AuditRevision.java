package dk.kdnet.events.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One audited change set (Hibernate Envers revision): who made it, when, and the correlation id that
 * ties it to the request and to the events it published.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    public long id;

    /** Epoch milliseconds, as Envers keeps it. */
    @RevisionTimestamp
    public long changedAt;

    public String actor;

    public String correlationId;
}
