package dk.kdnet.meetings.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The one place that decides what the caller may see: members of a body and the secretariat see
 * closed (confidential) items and agendas not yet published; anyone else sees published, open items
 * only. Until authentication is in place (issue 8) every caller is anonymous.
 */
@RequestScoped
public class Visibility {

    static final String MEMBER = "member";
    static final String SECRETARIAT = "secretariat";

    @Inject
    Instance<SecurityIdentity> identity;

    public boolean seesConfidential() {
        if (!identity.isResolvable()) {
            return false;
        }
        var caller = identity.get();
        return !caller.isAnonymous() && (caller.hasRole(MEMBER) || caller.hasRole(SECRETARIAT));
    }
}
