package dk.kdnet.security;

/** The roles of KD-Net's callers, as the token's groups claim names them (README "Security"). */
public final class Roles {

    /** The KD-Net secretariat: the only role that changes data. */
    public static final String SECRETARIAT = "secretariat";

    /** Members of KD-Net's bodies: read internal material too (closed items, drafts). */
    public static final String MEMBER = "member";

    /** A system integration with a client-credential token, perhaps limited to one organization. */
    public static final String CLIENT = "client";

    /**
     * The ESDH system's client (with {@link #CLIENT}): files each meeting's complete package, closed items included,
     * each document marked with its access. It sees nothing else internal.
     */
    public static final String ESDH = "esdh";

    /** The claim naming the one organization a client token may read for. */
    public static final String ORGANIZATION_CLAIM = "organization_id";

    private Roles() {}
}
