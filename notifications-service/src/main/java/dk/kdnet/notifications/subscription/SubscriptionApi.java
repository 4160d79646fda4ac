package dk.kdnet.notifications.subscription;

import dk.kdnet.notifications.delivery.Subscription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response shapes of the subscription API. */
public final class SubscriptionApi {

    private SubscriptionApi() {}

    static final String SECRET_PATTERN = "whsec_[A-Za-z0-9+/]{32,88}={0,2}";

    @Schema(name = "SubscriptionRequest")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000) @Schema(example = "https://esdh.aarhus.dk/kdnet/webhooks",
            description = "Where the events are POSTed: https, on a public address") String url,
            @Size(max = 50) @Schema(description = "The event types to receive (CloudEvents type); empty or absent: all",
            example = "[\"dk.kdnet.economy.charge-recalculated.v1\"]") List<@NotBlank String> eventTypes,
            @Valid @Schema(description = "Only events about these; absent: no filter") Filters filters,
            @Pattern(regexp = SECRET_PATTERN, message = "must be whsec_ followed by base64 of 24 to 64 bytes")
            @Schema(description = "The signing secret, whsec_ and base64 of 24 to 64 random bytes; absent: one is"
                    + " generated and returned once, in the answer", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    /** Each filter names one id; an event passes when its subject or its data's {@code <filter>Id} is that id. */
    @Schema(name = "SubscriptionFilters")
    public record Filters(
            @Schema(example = "8d799b49-b40f-3350-968d-c8a27856ec84", description = "a body (bodyId)") UUID body,
            @Schema(example = "07a4b46e-1a2a-3cc6-a7f5-d7af7661deb3", description = "a meeting (meetingId)") UUID meeting,
            @Schema(description = "a collaboration (collaborationId)") UUID collaboration,
            @Schema(example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139", description = "an organization (organizationId)")
            UUID organization) {}

    @Schema(name = "Subscription")
    public record SubscriptionView(
            @Schema(required = true, example = "5b1f0c8e-2d7a-4c47-9b1e-0d3f6a9c2e11") UUID id,
            @Schema(required = true, example = "https://esdh.aarhus.dk/kdnet/webhooks") String url,
            @Schema(required = true, description = "empty: all types") List<String> eventTypes,
            @Schema(required = true) Filters filters,
            @Schema(required = true, description = "PAUSED: deliveries failed for 24 hours; undelivered events wait"
                    + " for POST .../resume") Subscription.Status status,
            @Schema(example = "connection refused") String pausedReason,
            OffsetDateTime pausedAt,
            @Schema(example = "aarhus-finance", description = "The client that registered it (its token's subject);"
                    + " null for the secretariat's. It receives what that client may read") String client,
            @Schema(example = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139", description = "The organization that client is"
                    + " limited to; its subscriptions belong to every client of that organization") UUID ownerOrganizationId,
            @Schema(required = true) OffsetDateTime createdAt,
            @Schema(description = "Only in the answer to the POST that created it (when generated or given); null"
                    + " in every other answer: it is never shown again", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    @Schema(name = "SubscriptionTestResult")
    public record TestResult(
            @Schema(required = true, description = "the ping's webhook-id") String webhookId,
            @Schema(required = true, description = "whether the receiver answered 2xx") boolean delivered,
            @Schema(example = "204", description = "the receiver's status; null when it did not answer") Integer status,
            @Schema(example = "connect timed out") String error,
            @Schema(required = true, example = "42") long durationMillis) {}

    @Schema(name = "ReplayRequest", description = "Either a time range (from, to) of the events' time or a list of"
            + " event ids")
    public record ReplayRequest(
            @Schema(example = "2023-06-02T00:00:00Z") OffsetDateTime from,
            @Schema(example = "2023-06-03T00:00:00Z", description = "exclusive; not before from") OffsetDateTime to,
            @Size(max = 1000) List<@NotNull UUID> eventIds) {}

    @Schema(name = "ReplayResult")
    public record ReplayResult(@Schema(required = true, example = "12",
            description = "events queued for delivery again, in order") int queued) {}

    @Schema(name = "Delivery")
    public record DeliveryView(
            @Schema(required = true, description = "the event's id, sent as webhook-id on every attempt")
            UUID eventId,
            @Schema(required = true, example = "dk.kdnet.economy.charge-recalculated.v1") String eventType,
            @Schema(required = true, description = "the aggregate; its events arrive in order") String subject,
            @Schema(required = true, example = "PENDING") DeliveryStatus status,
            @Schema(required = true, example = "3") int attempts,
            @Schema(description = "when a pending one is tried next") OffsetDateTime nextAttemptAt,
            OffsetDateTime lastAttemptAt,
            @Schema(example = "503", description = "the receiver's status at the last attempt") Integer lastStatus,
            @Schema(example = "answered 503") String lastError,
            OffsetDateTime deliveredAt,
            @Schema(required = true) OffsetDateTime createdAt) {}

    @Schema(name = "DeliveryStatus")
    public enum DeliveryStatus {
        PENDING,
        DELIVERED,
        /** Not sent: no longer visible to the subscription when its turn came (the visibility rules changed). */
        WITHHELD
    }
}
