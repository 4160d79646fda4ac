package dk.kdnet.meetings.agenda;

import dk.kdnet.events.meetings.AgendaPublished.PublishedItem;
import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.agenda.AgendaItemApi.ItemRequest;
import dk.kdnet.meetings.meeting.Agendas;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingRules;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.meetings.meeting.MeetingStatus;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class AgendaService implements Agendas {

    private static final Logger LOG = Logger.getLogger(AgendaService.class);

    @Inject
    MeetingService meetings;

    @Inject
    NumberingService numbering;

    @Inject
    Visibility visibility;

    @Inject
    Postponements postponements;

    @Inject
    EntityManager em;

    /** A reordered agenda, and the meeting's version after it (the ETag a further reorder sends back). */
    public record Reordered(List<AgendaItem> items, long meetingVersion) {}

    /** Adds an item at the end; on a published agenda it takes the next free number at once. */
    @Transactional
    public AgendaItem add(UUID meetingId, ItemRequest request) {
        var meeting = meetings.get(meetingId);
        MeetingRules.requireItemsChangeable(meeting.status);
        var item = newItem(meeting, request);
        if (meeting.status != MeetingStatus.PLANNED) {
            item.number = numbering.next(meeting);
        }
        item.persist();
        LOG.infof("item %s added to meeting %s as number %s", item.id, meetingId, item.number);
        return item;
    }

    /** An item whose number is known already, as in the reference documents; frozen when the agenda is published. */
    @Transactional
    public AgendaItem importItem(UUID id, UUID meetingId, int number, ItemRequest request) {
        var meeting = meetings.get(meetingId);
        MeetingRules.requireUnpublished("importing numbered items", meeting.status);
        var item = newItem(meeting, request);
        item.id = id;
        item.number = number;
        item.persist();
        return item;
    }

    /** A postponed item goes on the agenda of its target meeting, linked to its origin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AgendaItem carryOver(AgendaItem origin, Meeting target) {
        var item = add(target.id, new ItemRequest(origin.title, origin.presenters, origin.summary,
                origin.recommendation, origin.casePresentation, origin.closed, origin.closedReason, origin.caseNumber,
                origin.standardType));
        item.originItemId = origin.id;
        return item;
    }

    @Transactional
    public AgendaItem update(UUID itemId, String ifMatch, ItemRequest request) {
        var item = get(itemId);
        ETags.requireMatch(ifMatch, item.version);
        MeetingRules.requireItemsChangeable(meetings.get(item.meetingId).status);
        copy(request, item);
        return item;
    }

    /** Removes an item (and its attachments) from an unpublished agenda. */
    @Transactional
    public void remove(UUID itemId) {
        var item = get(itemId);
        if (postponements.postponedTo(itemId)) {
            throw new Conflict("the item was postponed to this meeting by a decision; record another outcome on its "
                    + "origin item " + item.originItemId + " instead");
        }
        removeCarried(item);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PublishedItem> freezeNumbers(Meeting meeting) {
        var items = AgendaItem.ofMeeting(meeting.id);
        if (items.isEmpty()) {
            return List.of();
        }
        numbering.freeze(meeting, items);
        return items.stream().map(i -> new PublishedItem(i.id, i.number, i.closed ? null : i.title, i.closed))
                .toList();
    }

    /** Removes an item carried here by a postponement that is being corrected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeCarried(AgendaItem item) {
        MeetingRules.requireUnpublished("removing an item", meetings.get(item.meetingId).status);
        item.delete();
        var remaining = AgendaItem.ofMeeting(item.meetingId);
        for (var i = 0; i < remaining.size(); i++) {
            remaining.get(i).position = i + 1;
        }
    }

    /**
     * Puts every item of an unpublished agenda in the given order. The order belongs to the meeting: the
     * reorder is based on the meeting's version and raises it, so two reorders from the same reading collide.
     */
    @Transactional
    public Reordered reorder(UUID meetingId, String ifMatch, List<UUID> itemIds) {
        var meeting = meetings.get(meetingId);
        ETags.requireMatch(ifMatch, meeting.version);
        MeetingRules.requireUnpublished("reordering the agenda", meeting.status);
        var items = AgendaItem.ofMeeting(meetingId);
        var known = items.stream().map(i -> i.id).toList();
        if (itemIds.size() != known.size() || !new HashSet<>(itemIds).equals(new HashSet<>(known))) {
            throw new RuleViolation("itemIds", "name every item of the meeting exactly once (" + known.size() + " items)");
        }
        for (var item : items) {
            item.position = itemIds.indexOf(item.id) + 1;
        }
        em.lock(meeting, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return new Reordered(items.stream().sorted(Comparator.comparingInt(i -> i.position)).toList(),
                meeting.version);
    }

    /**
     * The agenda as the caller may see it: closed items, and an agenda before it is published, only for
     * members and the secretariat.
     */
    public List<AgendaItem> agenda(UUID meetingId) {
        if (!visibility.seesAgenda(meetings.get(meetingId))) {
            return List.of();
        }
        var seesConfidential = visibility.seesConfidential();
        return AgendaItem.ofMeeting(meetingId).stream().filter(i -> seesConfidential || !i.closed).toList();
    }

    /** One item; a closed item, or one of an unpublished agenda, does not exist for a caller who may not see it. */
    public AgendaItem visible(UUID itemId) {
        var item = get(itemId);
        if (item.closed && !visibility.seesConfidential() || !visibility.seesAgenda(meetings.get(item.meetingId))) {
            throw new NotFound("agenda item", itemId);
        }
        return item;
    }

    public AgendaItem get(UUID itemId) {
        return AgendaItem.<AgendaItem>findByIdOptional(itemId).orElseThrow(() -> new NotFound("agenda item", itemId));
    }

    private static AgendaItem newItem(Meeting meeting, ItemRequest request) {
        var item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.meetingId = meeting.id;
        item.position = (int) AgendaItem.count("meetingId", meeting.id) + 1;
        copy(request, item);
        return item;
    }

    private static void copy(ItemRequest request, AgendaItem item) {
        item.title = request.title().strip();
        item.presenters = request.presenters() == null ? new ArrayList<>() : new ArrayList<>(request.presenters());
        item.summary = request.summary();
        item.recommendation = request.recommendation() == null ? new ArrayList<>()
                : new ArrayList<>(request.recommendation());
        item.casePresentation = request.casePresentation();
        item.closed = request.closed();
        item.closedReason = request.closed() ? request.closedReason() : null;
        item.caseNumber = request.caseNumber();
        item.standardType = request.standardType();
    }
}
