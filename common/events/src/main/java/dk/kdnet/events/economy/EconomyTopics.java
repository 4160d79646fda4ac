package dk.kdnet.events.economy;

/** The topics economy-service publishes on, one per aggregate. */
public final class EconomyTopics {

    public static final String CHARGES = "economy.charges";

    private EconomyTopics() {}
}
