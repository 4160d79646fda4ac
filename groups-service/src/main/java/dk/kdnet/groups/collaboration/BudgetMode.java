package dk.kdnet.groups.collaboration;

/** How a collaboration's budget reacts to a member leaving. */
public enum BudgetMode {
    /** The total varies with the number of members; no one else's charge changes (GovTech from 2024). */
    VARIABLE,
    /** The total is fixed; the remaining members share it. */
    FIXED_TOTAL
}
