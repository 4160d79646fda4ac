package dk.kdnet.groups.collaboration;

/** Where a collaboration membership stands on a given date. */
public enum MembershipStatus {
    /** Not yet a member on that date. */
    PENDING,
    ACTIVE,
    /** Still a member (and paying), but notice has been given. */
    NOTICE_GIVEN,
    EXITED
}
