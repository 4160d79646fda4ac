package dk.kdnet.meetings.decision;

import dk.kdnet.events.Outbox;
import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.agenda.AgendaItem;
import dk.kdnet.meetings.agenda.AgendaService;
import dk.kdnet.meetings.agenda.Postponements;
import dk.kdnet.meetings.agenda.StandardType;
import dk.kdnet.meetings.decision.DecisionApi.DecisionRequest;
import dk.kdnet.meetings.decision.DecisionApi.Effect;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingRules;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.meetings.meeting.MeetingStatus;
import dk.kdnet.problems.Problem.FieldError;
import dk.kdnet.problems.ProblemException.BadRequest;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.PreconditionFailed;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

@ApplicationScoped
public class DecisionService implements Postponements {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    @Inject
    Outbox outbox;

    @Inject
    MeetingService meetings;

    @Inject
    AgendaService agenda;

    @Inject
    Visibility visibility;

    /**
     * Records (or re-records) the decision on an item of a held meeting and publishes it with its
     * effects. POSTPONED carries the item to its target meeting; an approved APPROVE_MINUTES item
     * approves the minutes of the body's previous meeting.
     */
    @Transactional
    public Decision record(UUID itemId, String ifMatch, DecisionRequest request) {
        return record(UUID.randomUUID(), itemId, ifMatch, request);
    }

    /**
     * As {@link #record(UUID, String, DecisionRequest)} with a known id for a first decision (reference data).
     * Replacing a decision needs {@code ifMatch} naming its version; the first one has no version to name. Sending
     * the recorded decision again without it changes nothing and answers it: a client retrying a first recording
     * whose answer it lost (the gateway's flow under faults) overwrites no one.
     */
    @Transactional
    public Decision record(UUID newId, UUID itemId, String ifMatch, DecisionRequest request) {
        var item = agenda.get(itemId);
        var existing = Decision.onItem(itemId);
        if (request.id() != null && !existing.map(d -> d.id).filter(request.id()::equals).isPresent()) {
            throw new BadRequest("id", "is " + existing.map(d -> d.id.toString()).orElse("given by the service")
                    + ", not " + request.id() + ": an id cannot be changed");
        }
        if (existing.isPresent()) {
            if ((ifMatch == null || ifMatch.isBlank()) && recordedAlready(existing.get(), request)) {
                return existing.get();
            }
            ETags.requireMatch(ifMatch, existing.get().version);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new PreconditionFailed("there is no decision on item " + itemId + " yet for If-Match " + ifMatch
                    + " to name; record the first one without If-Match");
        }
        var meeting = meetings.get(item.meetingId);
        MeetingRules.requireDecisionsAllowed(meeting.status);
        validate(item, request);
        var decision = existing.orElseGet(() -> {
            var created = new Decision();
            created.id = newId;
            created.agendaItemId = itemId;
            created.meetingId = meeting.id;
            return created;
        });
        decision.outcome = request.outcome();
        decision.text = request.text();
        decision.partOutcomes = new ArrayList<>(orEmpty(request.partOutcomes()));
        decision.followUps = new ArrayList<>(orEmpty(request.followUps()));
        var earlier = decision.effects;
        decision.effects = new ArrayList<>(orEmpty(request.effects()).stream().map(e -> withId(e, earlier)).toList());
        decision.recordedAt = OffsetDateTime.now();
        var target = request.outcome() == Outcome.POSTPONED ? request.postponedToMeetingId() : null;
        if (decision.postponedItemId != null && !decision.postponedToMeetingId.equals(target)) {
            withdrawPostponement(decision);
        }
        if (target != null && decision.postponedItemId == null) {
            postpone(decision, item, meeting, target);
        }
        decision.persist();
        if (item.standardType == StandardType.APPROVE_MINUTES && decision.outcome == Outcome.APPROVED) {
            approvePreviousMinutes(meeting, decision);
        }
        outbox.publish(new DecisionRecorded(decision.id, meeting.id, item.id, item.number, meeting.bodyId,
                meeting.date(), decision.outcome.name(), decision.effects.stream().map(DecisionService::event).toList()));
        LOG.infof("decision %s on item %s (number %s) of meeting %s: %s with %d effects", decision.id, item.id,
                item.number, meeting.id, decision.outcome, decision.effects.size());
        return decision;
    }

    /** The decision on an item; until the minutes are approved it exists only for members and the secretariat. */
    public Decision onItem(UUID itemId) {
        var item = agenda.visible(itemId);
        if (!visibility.seesMinutes(meetings.get(item.meetingId))) {
            throw new NotFound("decision on agenda item", itemId);
        }
        return Decision.onItem(itemId).orElseThrow(() -> new NotFound("decision on agenda item", itemId));
    }

    /** The decisions of a meeting (its minutes) in agenda order, as the caller may see them. */
    public List<Decision> ofMeeting(UUID meetingId) {
        if (!visibility.seesMinutes(meetings.get(meetingId))) {
            return List.of();
        }
        var byItem = Decision.<Decision>list("meetingId", meetingId).stream()
                .collect(Collectors.toMap(d -> d.agendaItemId, d -> d));
        return agenda.agenda(meetingId).stream().map(i -> byItem.get(i.id)).filter(Objects::nonNull).toList();
    }

    private static boolean recordedAlready(Decision decision, DecisionRequest request) {
        var target = request.outcome() == Outcome.POSTPONED ? request.postponedToMeetingId() : null;
        return decision.outcome == request.outcome() && Objects.equals(decision.text, request.text())
                && decision.partOutcomes.equals(orEmpty(request.partOutcomes()))
                && decision.followUps.equals(orEmpty(request.followUps()))
                && decision.effects.equals(orEmpty(request.effects()).stream().map(e -> withId(e, decision.effects)).toList())
                && Objects.equals(decision.postponedToMeetingId, target);
    }

    /** A corrected postponement takes the carried item off the target's agenda, while it is unpublished. */
    private void withdrawPostponement(Decision decision) {
        var carried = agenda.get(decision.postponedItemId);
        decision.postponedItemId = null;
        decision.postponedToMeetingId = null;
        decision.persist();
        agenda.removeCarried(carried);
    }

    private void postpone(Decision decision, AgendaItem item, Meeting meeting, UUID targetId) {
        var target = Meeting.<Meeting>findByIdOptional(targetId).orElseThrow(
                () -> new RuleViolation("postponedToMeetingId", "meeting " + targetId + " does not exist"));
        if (!target.bodyId.equals(meeting.bodyId) || !target.startsAt.isAfter(meeting.startsAt)) {
            throw new RuleViolation("postponedToMeetingId", "the target is a later meeting of the same body");
        }
        if (target.status != MeetingStatus.PLANNED && target.status != MeetingStatus.AGENDA_PUBLISHED) {
            throw new RuleViolation("postponedToMeetingId",
                    "the target meeting is " + target.status + "; an item can be carried only to a meeting not yet held");
        }
        decision.postponedToMeetingId = target.id;
        decision.postponedItemId = agenda.carryOver(item, target).id;
    }

    private void approvePreviousMinutes(Meeting meeting, Decision decision) {
        var previous = meetings.previous(meeting);
        if (previous.isEmpty() || previous.get().status == MeetingStatus.MINUTES_APPROVED) {
            return;
        }
        if (previous.get().status != MeetingStatus.HELD) {
            throw new Conflict("the previous meeting " + previous.get().id + " is " + previous.get().status
                    + "; only the minutes of a held meeting can be approved",
                    Map.of("currentStatus", previous.get().status.name()));
        }
        meetings.approveMinutes(previous.get(), meeting.id, decision.id);
    }

    private static void validate(AgendaItem item, DecisionRequest request) {
        var errors = new ArrayList<FieldError>(EffectRules.check(orEmpty(request.effects())).stream()
                .map(v -> new FieldError(v.field(), v.message())).toList());
        var parts = orEmpty(request.partOutcomes());
        for (var i = 0; i < parts.size(); i++) {
            if (parts.get(i).part() > item.recommendation.size()) {
                errors.add(new FieldError("partOutcomes[" + i + "].part", "the recommendation has "
                        + item.recommendation.size() + " parts"));
            }
        }
        if (request.outcome() == Outcome.POSTPONED && request.postponedToMeetingId() == null) {
            errors.add(new FieldError("postponedToMeetingId", "a postponed item names the meeting it goes to"));
        }
        if (request.outcome() != Outcome.POSTPONED && request.postponedToMeetingId() != null) {
            errors.add(new FieldError("postponedToMeetingId", "only a POSTPONED item names a target meeting"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolation(errors.size() == 1 ? errors.getFirst().message() : errors.size() + " rules are broken",
                    errors);
        }
    }

    /**
     * An effect keeps its id when the decision is recorded again (a correction), so a consumer that
     * acted on it once recognises it; a new effect gets a new id.
     */
    private static Effect withId(Effect effect, List<Effect> earlier) {
        if (effect.effectId() != null) {
            return effect;
        }
        var id = earlier.stream().filter(e -> e.kind() == effect.kind()
                && Objects.equals(e.organizationId(), effect.organizationId())
                && Objects.equals(e.collaborationId(), effect.collaborationId())
                && Objects.equals(e.personId(), effect.personId()) && Objects.equals(e.bodyId(), effect.bodyId())
                && Objects.equals(e.budgetId(), effect.budgetId())
                && Objects.equals(e.year(), effect.year())).map(Effect::effectId).findFirst().orElseGet(UUID::randomUUID);
        return new Effect(id, effect.kind(), effect.organizationId(), effect.collaborationId(), effect.date(),
                effect.personId(), effect.seat(), effect.bodyId(), effect.until(), effect.budgetId(), effect.year(),
                effect.reason());
    }

    private static DecisionEffect event(Effect effect) {
        return new DecisionEffect(effect.effectId(), effect.kind().name(), effect.organizationId(),
                effect.collaborationId(), effect.date(), effect.personId(), effect.seat(), effect.bodyId(),
                effect.until(), effect.budgetId(), effect.year(), effect.reason());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    @Override
    public boolean postponedTo(UUID itemId) {
        return Decision.count("postponedItemId", itemId) > 0;
    }
}
