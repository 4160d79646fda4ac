package dk.kdnet.economy.financing;

/** How a scheme reacts when its membership differs from the one its budget was approved with. */
public enum BudgetMode {
    /** The total is fixed: when a member leaves, the remaining members' shares grow. */
    FIXED_TOTAL,
    /**
     * The unit prices (the equal share per member, the rate per inhabitant) are fixed when the
     * budget is approved; the total follows membership, so nobody else's charge changes (GovTech
     * from 2024, decided by KD-Net 25 Aug 2023, item 57).
     */
    VARIABLE
}
