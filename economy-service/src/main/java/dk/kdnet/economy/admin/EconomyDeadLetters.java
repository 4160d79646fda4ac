package dk.kdnet.economy.admin;

import dk.kdnet.events.DeadLetterResource;
import jakarta.ws.rs.Path;

/** economy-service's dead letters, for operators. */
@Path("/api/economy/admin/dead-letters")
public class EconomyDeadLetters extends DeadLetterResource {}
