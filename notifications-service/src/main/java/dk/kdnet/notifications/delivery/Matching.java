package dk.kdnet.notifications.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.visibility.EventVisibility;
import dk.kdnet.events.visibility.EventVisibility.Viewer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which events a subscription is sent, and as what: those its owner may see (EventVisibility, the API's rules: the
 * secretariat's subscriptions everything, a client's what an anonymous read shows, its own organization's charges
 * only), redacted as for them, of the types and filters it asked for.
 */
public final class Matching {

    /** Amounts stay as written (1000.00, not 1000.0): money is exact in every body sent. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Matching() {}

    /** The event as the subscription receives it, or empty when it is not for it. */
    public static Optional<CloudEvent> offered(Subscription subscription, CloudEvent event) {
        return EventVisibility.visible(event, viewer(subscription.clientId, subscription.ownerOrganizationId))
                .filter(visible -> wants(subscription, visible));
    }

    /** Whoever registered it: the secretariat sees everything, a client token what a client may. */
    static Viewer viewer(String clientId, UUID ownerOrganizationId) {
        return clientId == null ? Viewer.INTERNAL : Viewer.client(ownerOrganizationId);
    }

    private static boolean wants(Subscription subscription, CloudEvent event) {
        var data = event.data();
        return (subscription.eventTypes.length == 0 || List.of(subscription.eventTypes).contains(event.type()))
                && concerns(subscription.bodyId, "bodyId", event.subject(), data)
                && concerns(subscription.meetingId, "meetingId", event.subject(), data)
                && concerns(subscription.collaborationId, "collaborationId", event.subject(), data)
                && concerns(subscription.organizationId, "organizationId", event.subject(), data);
    }

    private static boolean concerns(UUID filter, String field, String subject, JsonNode data) {
        return filter == null || filter.toString().equals(subject) || filter.toString().equals(data.path(field).asText());
    }

    /** The webhook's body: the CloudEvent in JSON (structured mode); the same bytes for the same event. */
    public static String body(CloudEvent event) {
        var body = JSON.createObjectNode();
        body.put("specversion", CloudEvent.SPEC_VERSION);
        body.put("id", event.id().toString());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.put("datacontenttype", CloudEvent.CONTENT_TYPE);
        body.set("data", event.data());
        return body.toString();
    }

    /** The event as received, its data read again from the record's value so amounts keep their scale. */
    public static CloudEvent exact(CloudEvent event, String value) {
        try {
            return new CloudEvent(event.id(), event.source(), event.type(), event.subject(), event.time(),
                    event.correlationId(), event.causationId(), JSON.readTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("data of " + event.id() + " was JSON a moment ago", e);
        }
    }

    /** An event kept as {@link #body} wrote it. */
    public static CloudEvent parse(String body) {
        try {
            var json = JSON.readTree(body);
            return new CloudEvent(UUID.fromString(json.path("id").asText()), json.path("source").asText(),
                    json.path("type").asText(), json.path("subject").asText(),
                    OffsetDateTime.parse(json.path("time").asText()), null, null, json.path("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept event is not JSON", e);
        }
    }
}
