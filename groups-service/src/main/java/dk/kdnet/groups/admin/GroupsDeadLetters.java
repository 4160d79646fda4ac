package dk.kdnet.groups.admin;

import dk.kdnet.events.DeadLetterResource;
import jakarta.ws.rs.Path;

/** groups-service's dead letters, for operators. */
@Path("/api/groups/admin/dead-letters")
public class GroupsDeadLetters extends DeadLetterResource {}
