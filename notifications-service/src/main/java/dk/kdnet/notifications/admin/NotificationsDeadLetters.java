package dk.kdnet.notifications.admin;

import dk.kdnet.events.DeadLetterResource;
import jakarta.ws.rs.Path;

/** notifications-service's dead letters (events it could not read), for operators. */
@Path("/api/subscriptions/admin/dead-letters")
public class NotificationsDeadLetters extends DeadLetterResource {}
