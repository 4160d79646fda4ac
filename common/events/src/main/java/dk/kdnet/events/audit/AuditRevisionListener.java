package dk.kdnet.events.audit;

import dk.kdnet.events.Correlation;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the caller and the correlation id of the work in progress. */
public class AuditRevisionListener implements RevisionListener {

    /** Changes made by the service itself (reference data, consumed events) rather than a caller. */
    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revisionEntity) {
        var revision = (AuditRevision) revisionEntity;
        revision.actor = currentActor();
        revision.correlationId = Correlation.currentId();
    }

    private static String currentActor() {
        var identity = Arc.container().select(SecurityIdentity.class);
        if (identity.isResolvable() && Arc.container().requestContext().isActive()) {
            var current = identity.get();
            if (!current.isAnonymous()) {
                return current.getPrincipal().getName();
            }
            return "anonymous";
        }
        return SYSTEM;
    }
}
