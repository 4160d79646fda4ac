package dk.kdnet.notifications.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dk.kdnet.notifications.subscription.Subscription;
import java.util.List;
import java.util.UUID;

/** Which events a subscription is sent: those it asked for (types, filters) that its owner may receive. */
public final class Matching {

    private Matching() {}

    public static boolean matches(Subscription subscription, String type, String subject, JsonNode data) {
        return (subscription.eventTypes.length == 0 || List.of(subscription.eventTypes).contains(type))
                && concerns(subscription.bodyId, "bodyId", subject, data)
                && concerns(subscription.meetingId, "meetingId", subject, data)
                && concerns(subscription.collaborationId, "collaborationId", subject, data)
                && concerns(subscription.organizationId, "organizationId", subject, data)
                && mayReceive(subscription, data);
    }

    private static boolean concerns(UUID filter, String field, String subject, JsonNode data) {
        return filter == null || filter.toString().equals(subject) || filter.toString().equals(data.path(field).asText());
    }

    /**
     * Until the API's visibility rules are shared with the event stream (issue 20), conservatively: the
     * secretariat's subscriptions may receive every event; a client's only those naming its own organization
     * (its charges, its memberships, its population), never meetings' material, which may hold closed items.
     */
    private static boolean mayReceive(Subscription subscription, JsonNode data) {
        return subscription.ownerOrganizationId == null
                || subscription.ownerOrganizationId.toString().equals(data.path("organizationId").asText());
    }
}
