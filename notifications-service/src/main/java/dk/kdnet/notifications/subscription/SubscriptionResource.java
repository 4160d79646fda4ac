package dk.kdnet.notifications.subscription;

import dk.kdnet.notifications.delivery.Subscription;
import dk.kdnet.notifications.subscription.SubscriptionApi.DeliveryStatus;
import dk.kdnet.notifications.subscription.SubscriptionApi.DeliveryView;
import dk.kdnet.notifications.subscription.SubscriptionApi.Filters;
import dk.kdnet.notifications.subscription.SubscriptionApi.ReplayRequest;
import dk.kdnet.notifications.subscription.SubscriptionApi.ReplayResult;
import dk.kdnet.notifications.subscription.SubscriptionApi.SubscriptionRequest;
import dk.kdnet.notifications.subscription.SubscriptionApi.SubscriptionView;
import dk.kdnet.notifications.subscription.SubscriptionApi.TestResult;
import dk.kdnet.security.Caller;
import dk.kdnet.web.Page;
import dk.kdnet.web.Paging;
import dk.kdnet.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions: the secretariat manages all; a client token its own organization's, or without an
 * organization its own (and sees no other: they are not found).
 */
@Path("/api/subscriptions")
@Tag(name = "Webhooks", description = "Subscriptions of municipal systems to events, delivered as signed webhooks"
        + " (Standard Webhooks): register, test, the delivery log, replay, resume")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
@RolesAllowed({Roles.SECRETARIAT, Roles.CLIENT})
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Register a webhook: the events of the given types and filters are POSTed to the url, signed"
            + " with the secret, which this answer shows for the last time")
    @APIResponse(responseCode = "201", description = "Registered; the answer carries the secret, never shown again",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@NotNull @Valid SubscriptionRequest request, UriInfo uri) {
        var subscription = subscriptions.create(request, owner(), identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                .entity(view(subscription, true)).build();
    }

    @GET
    @Operation(summary = "The caller's subscriptions (the secretariat: all), oldest first")
    public Page<SubscriptionView> list(@Valid @BeanParam Paging paging) {
        var page = subscriptions.list(owner(), paging.page, paging.size);
        return new Page<>(page.items().stream().map(s -> view(s, false)).toList(), page.page(), page.size(),
                page.total());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one subscription (without its secret)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return view(subscriptions.get(id, owner()), false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription; its undelivered events are dropped")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, owner());
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a ping (type dk.kdnet.notifications.ping.v1) now, signed like every delivery, and tell"
            + " how the receiver answered; not retried")
    @APIResponse(responseCode = "200", description = "How the receiver answered",
            content = @Content(schema = @Schema(implementation = TestResult.class)))
    public TestResult test(@PathParam("id") UUID id) {
        return subscriptions.test(id, owner());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log: one entry per event, newest first, with status, attempts and last error")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "only deliveries in this status") @QueryParam("status") DeliveryStatus status,
            @Valid @BeanParam Paging paging) {
        return subscriptions.deliveries(id, owner(), status, paging.page, paging.size);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send events again: those of a time range or the given ids that the subscription matches, in"
            + " order, each with its own webhook-id as before (events are kept 7 days)")
    @APIResponse(responseCode = "200", description = "How many were queued",
            content = @Content(schema = @Schema(implementation = ReplayResult.class)))
    public ReplayResult replay(@PathParam("id") UUID id, @NotNull @Valid ReplayRequest request) {
        return new ReplayResult(subscriptions.replay(id, owner(), request));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Resume a paused subscription: its undelivered events are sent, in order, from now")
    @APIResponse(responseCode = "200", description = "Active again",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "It is not paused")
    public SubscriptionView resume(@PathParam("id") UUID id) {
        return view(subscriptions.resume(id, owner()), false);
    }

    /** A client caller; null for the secretariat. */
    private SubscriptionService.Owner owner() {
        return identity.hasRole(Roles.SECRETARIAT) ? null
                : new SubscriptionService.Owner(caller.organizationScope(), identity.getPrincipal().getName());
    }

    private static SubscriptionView view(Subscription s, boolean withSecret) {
        return new SubscriptionView(s.id, s.url, List.of(s.eventTypes),
                new Filters(s.bodyId, s.meetingId, s.collaborationId, s.organizationId), s.status, s.pausedReason,
                s.pausedAt, s.clientId, s.ownerOrganizationId, s.createdAt, withSecret ? s.secret : null);
    }
}
