package dk.kdnet.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as far as what they may see depends on it (README "Security"). */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** Members and the secretariat see internal material: closed items, drafts. */
    public boolean seesInternal() {
        return !identity.isAnonymous() && (identity.hasRole(Roles.MEMBER) || identity.hasRole(Roles.SECRETARIAT));
    }

    /** The ESDH system's client, which files closed items with restricted access (never members' other views). */
    public boolean filesRecords() {
        return !identity.isAnonymous() && identity.hasRole(Roles.ESDH) && identity.hasRole(Roles.CLIENT);
    }

    /**
     * The one organization a client token is limited to (a municipality's finance system reads its
     * own charges), or null when the caller is not limited to one.
     */
    public UUID organizationScope() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        try {
            return organizationOf(token);
        } catch (IllegalArgumentException e) {
            throw new io.quarkus.security.ForbiddenException("the token's organization_id is not an organization id");
        }
    }

    /** The organization a token's {@code organization_id} names, or null; IllegalArgumentException if it names none. */
    public static UUID organizationOf(JsonWebToken token) {
        // Its names, not containsClaim: SmallRye answers that by reading the claim, and reading one the MP JWT spec
        // does not name throws and catches an exception inside it, on every read of charges.
        var names = token.getClaimNames();
        if (names == null || !names.contains(Roles.ORGANIZATION_CLAIM)) {
            return null;
        }
        return UUID.fromString(token.<Object>getClaim(Roles.ORGANIZATION_CLAIM).toString().replace("\"", ""));
    }
}
