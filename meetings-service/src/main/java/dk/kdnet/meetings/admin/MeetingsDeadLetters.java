package dk.kdnet.meetings.admin;

import dk.kdnet.events.DeadLetterResource;
import jakarta.ws.rs.Path;

/** meetings-service's dead letters, for operators. */
@Path("/api/meetings/admin/dead-letters")
public class MeetingsDeadLetters extends DeadLetterResource {}
