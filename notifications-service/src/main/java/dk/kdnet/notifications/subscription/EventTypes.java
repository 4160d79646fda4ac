package dk.kdnet.notifications.subscription;

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
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.events.meetings.EsdhPackageReady;
import dk.kdnet.events.meetings.MeetingCancelled;
import dk.kdnet.events.meetings.MeetingChanged;
import dk.kdnet.events.meetings.MeetingScheduled;
import dk.kdnet.events.meetings.MinutesApproved;
import java.util.Set;

/** The event types a subscription may ask for: every type the services publish (their AsyncAPI documents). */
final class EventTypes {

    static final Set<String> KNOWN = Set.of(OrganizationRegistered.TYPE, OrganizationChanged.TYPE,
            PopulationRecorded.TYPE, PersonErased.TYPE, BodyRegistered.TYPE, BodyChanged.TYPE,
            BodyMembershipStarted.TYPE, BodyMembershipEnded.TYPE, CollaborationRegistered.TYPE,
            CollaborationTermsChanged.TYPE, CollaborationMemberJoined.TYPE, CollaborationMemberWithdrew.TYPE,
            CollaborationWithdrawalRevoked.TYPE, MeetingScheduled.TYPE, MeetingChanged.TYPE, MeetingCancelled.TYPE,
            AgendaPublished.TYPE, DecisionRecorded.TYPE, MinutesApproved.TYPE, EsdhPackageReady.TYPE,
            ChargeRecalculated.TYPE);

    private EventTypes() {}
}
