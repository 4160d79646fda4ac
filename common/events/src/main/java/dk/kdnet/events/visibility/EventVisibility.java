package dk.kdnet.events.visibility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.kdnet.events.CloudEvent;
import dk.kdnet.events.economy.ChargeRecalculated;
import dk.kdnet.events.groups.BodyChanged;
import dk.kdnet.events.groups.BodyMembershipEnded;
import dk.kdnet.events.groups.BodyMembershipStarted;
import dk.kdnet.events.groups.BodyRegistered;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationRegistered;
import dk.kdnet.events.groups.CollaborationTermsChanged;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.events.groups.OrganizationRegistered;
import dk.kdnet.events.groups.PersonErased;
import dk.kdnet.events.groups.PopulationRecorded;
import dk.kdnet.events.meetings.AgendaPublished;
import dk.kdnet.events.meetings.EsdhPackageReady;
import dk.kdnet.events.meetings.MeetingCancelled;
import dk.kdnet.events.meetings.MeetingChanged;
import dk.kdnet.events.meetings.MeetingScheduled;
import dk.kdnet.events.meetings.MinutesApproved;
import dk.kdnet.security.Roles;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides which events a caller outside the cluster may receive (the gateway's live stream, the
 * webhooks), by the same rules as the API's reads (README "Security", docs/security.md):
 * <ul>
 * <li>Members and the secretariat see every event as published.</li>
 * <li>Anyone else (anonymous, a client token, the ESDH client) sees what an anonymous GET shows: organizations,
 * populations, people's public names, bodies and their seats, collaborations and their memberships, meetings,
 * published agendas without their closed items, approved minutes, ESDH packages, and charges (which are published for
 * approved schemes only, ChargeService). Never a decision as it is recorded: until a later meeting approves the
 * minutes a decision is a draft, and it may be on a closed item; for the same reason the decision a change refers to
 * ({@code decision}, {@code approvedByDecisionId}) is left out (null) for them.</li>
 * <li>A client token limited to one organization sees that organization's charges only.</li>
 * <li>An event type not named here reaches members and the secretariat only, until someone decides otherwise.</li>
 * </ul>
 * Pure: no I/O, no CDI, so any service or the gateway can call it per event.
 */
public final class EventVisibility {

    private EventVisibility() {}

    /** Who receives the event, as far as what they may see depends on it. */
    public record Viewer(Kind kind, UUID organizationId) {

        public enum Kind {
            /** No token. */
            ANONYMOUS,
            /** Members of KD-Net's bodies and the secretariat: internal material too. */
            INTERNAL,
            /** A system integration's client token (the ESDH client included), perhaps limited to one organization. */
            CLIENT
        }

        public static final Viewer ANONYMOUS = new Viewer(Kind.ANONYMOUS, null);
        public static final Viewer INTERNAL = new Viewer(Kind.INTERNAL, null);

        public Viewer {
            if (organizationId != null && kind != Kind.CLIENT) {
                throw new IllegalArgumentException("only a client token is limited to an organization");
            }
        }

        /** A client token, limited to {@code organizationId} when not null. */
        public static Viewer client(UUID organizationId) {
            return new Viewer(Kind.CLIENT, organizationId);
        }

        /**
         * The viewer of a verified token's roles and {@code organization_id} claim (null when it has none);
         * {@code anonymous} when there is no token. The same reading as the services' {@code Caller}.
         */
        public static Viewer of(boolean anonymous, Set<String> roles, UUID organizationId) {
            if (anonymous) {
                return ANONYMOUS;
            }
            if (roles.contains(Roles.MEMBER) || roles.contains(Roles.SECRETARIAT)) {
                return INTERNAL;
            }
            return client(organizationId);
        }

        boolean seesInternal() {
            return kind == Kind.INTERNAL;
        }
    }

    private static final Set<String> PUBLIC = Set.of(
            OrganizationRegistered.TYPE, OrganizationChanged.TYPE, PopulationRecorded.TYPE, PersonErased.TYPE,
            BodyRegistered.TYPE, BodyChanged.TYPE, BodyMembershipStarted.TYPE, BodyMembershipEnded.TYPE,
            CollaborationRegistered.TYPE, CollaborationWithdrawalRevoked.TYPE,
            MeetingScheduled.TYPE, MeetingChanged.TYPE, MeetingCancelled.TYPE, EsdhPackageReady.TYPE);

    /** Public, without the decision they name (a draft until the minutes are approved, perhaps on a closed item). */
    private static final Set<String> PUBLIC_WITHOUT_DECISION = Set.of(
            CollaborationMemberJoined.TYPE, CollaborationMemberWithdrew.TYPE, CollaborationTermsChanged.TYPE);

    /**
     * The event as {@code viewer} may see it: unchanged, redacted (a copy with what they may not see left out), or
     * empty when they may not see it at all.
     */
    public static Optional<CloudEvent> visible(CloudEvent event, Viewer viewer) {
        if (viewer.seesInternal()) {
            return Optional.of(event);
        }
        var type = event.type();
        if (PUBLIC.contains(type)) {
            return Optional.of(event);
        }
        if (PUBLIC_WITHOUT_DECISION.contains(type)) {
            return Optional.of(redact(event, data -> data.putNull("decision")));
        }
        return switch (type) {
            case AgendaPublished.TYPE -> Optional.of(redact(event, EventVisibility::withoutClosedItems));
            case MinutesApproved.TYPE -> Optional.of(redact(event, data -> data.putNull("approvedByDecisionId")));
            case ChargeRecalculated.TYPE -> viewer.organizationId() != null
                    && !viewer.organizationId().toString().equals(event.data().path("organizationId").asText())
                            ? Optional.empty()
                            : Optional.of(redact(event, data -> data.putNull("decision")));
            // DecisionRecorded (a draft until the minutes are approved) and any type not named above.
            default -> Optional.empty();
        };
    }

    /** A closed item is left out altogether: not even its number or id reaches anyone who may not read it. */
    private static void withoutClosedItems(ObjectNode data) {
        if (data.get("items") instanceof ArrayNode items) {
            var open = data.arrayNode();
            items.forEach(item -> {
                if (item.isObject() && !item.path("closed").asBoolean(true)) {
                    open.add(item);
                }
            });
            data.set("items", open);
        }
    }

    private static CloudEvent redact(CloudEvent event, java.util.function.Consumer<ObjectNode> change) {
        var data = event.data().deepCopy();
        if (data instanceof ObjectNode object) {
            change.accept(object);
        }
        return new CloudEvent(event.id(), event.source(), event.type(), event.subject(), event.time(),
                event.correlationId(), event.causationId(), data);
    }
}
