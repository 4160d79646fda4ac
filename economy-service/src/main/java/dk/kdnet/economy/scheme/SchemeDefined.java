package dk.kdnet.economy.scheme;

import dk.kdnet.events.DecisionReference;

/**
 * An approved scheme was approved or changed, fired in the transaction that did it: its charges follow in the same
 * transaction (the charges observe this; a scheme knows nothing of charges).
 *
 * @param decision the meeting decision that approved it, if any
 */
public record SchemeDefined(Scheme scheme, boolean approval, DecisionReference decision) {}
