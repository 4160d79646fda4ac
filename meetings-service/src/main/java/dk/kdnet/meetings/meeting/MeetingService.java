package dk.kdnet.meetings.meeting;

import dk.kdnet.events.Outbox;
import dk.kdnet.events.meetings.AgendaPublished;
import dk.kdnet.events.meetings.EsdhPackageReady;
import dk.kdnet.events.meetings.MeetingCancelled;
import dk.kdnet.events.meetings.MeetingChanged;
import dk.kdnet.events.meetings.MeetingScheduled;
import dk.kdnet.events.meetings.MinutesApproved;
import dk.kdnet.meetings.meeting.MeetingApi.MeetingRequest;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import dk.kdnet.web.ETags;
import dk.kdnet.web.Page;
import dk.kdnet.web.SortKey;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class MeetingService {

    @Inject
    Outbox outbox;

    @Inject
    Agendas agendas;

    /** Where callers reach the API: the ESDH package's link in esdh-package-ready. */
    @ConfigProperty(name = "kdnet.meetings.public-url")
    String publicUrl;

    /** Filters of the meeting list; every one optional. Dates are days in Europe/Copenhagen. */
    public record Filter(UUID body, Integer year, MeetingStatus status, LocalDate from, LocalDate to) {}

    @Transactional
    public Meeting schedule(UUID id, MeetingRequest request) {
        validate(request);
        var meeting = new Meeting();
        meeting.id = id;
        meeting.bodyId = request.bodyId();
        meeting.status = MeetingStatus.PLANNED;
        copy(request, meeting);
        meeting.persist();
        outbox.publish(new MeetingScheduled(meeting.id, meeting.bodyId, meeting.title, meeting.kind.name(),
                meeting.startsAt, meeting.endsAt, meeting.locationKind.name(), meeting.place, meeting.platform,
                meeting.caseNumber, meeting.status.name()));
        return meeting;
    }

    @Transactional
    public Meeting update(UUID id, String ifMatch, MeetingRequest request) {
        var meeting = get(id);
        ETags.requireMatch(ifMatch, meeting.version);
        MeetingRules.requireDetailsChangeable(meeting.status);
        if (!meeting.bodyId.equals(request.bodyId())) {
            throw new RuleViolation("bodyId", "a meeting cannot move to another body; schedule a new meeting");
        }
        validate(request);
        copy(request, meeting);
        meeting.calendarSequence++;
        changed(meeting);
        return meeting;
    }

    public Meeting get(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> new NotFound("meeting", id));
    }

    public Page<Meeting> list(Filter filter, SortKey order, int page, int size) {
        var where = new ArrayList<String>();
        var parameters = new Parameters();
        if (filter.body() != null) {
            where.add("bodyId = :body");
            parameters.and("body", filter.body());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.year() != null) {
            where.add("startsAt >= :yearStart and startsAt < :yearEnd");
            parameters.and("yearStart", Copenhagen.startOf(LocalDate.of(filter.year(), 1, 1)))
                    .and("yearEnd", Copenhagen.startOf(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.from() != null) {
            where.add("startsAt >= :from");
            parameters.and("from", Copenhagen.startOf(filter.from()));
        }
        if (filter.to() != null) {
            where.add("startsAt < :to");
            parameters.and("to", Copenhagen.startOf(filter.to().plusDays(1)));
        }
        var direction = order.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        var sort = Sort.by(order.key(), direction).and("id", direction);
        var query = where.isEmpty()
                ? Meeting.<Meeting>findAll(sort)
                : Meeting.<Meeting>find(String.join(" and ", where), sort, parameters);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Publishes the agenda: numbers are frozen under the body's policy and the agenda goes out. */
    @Transactional
    public Meeting publishAgenda(UUID id) {
        var meeting = get(id);
        meeting.apply(MeetingAction.PUBLISH_AGENDA);
        var items = agendas.freezeNumbers(meeting);
        if (items.isEmpty()) {
            throw new RuleViolation("an agenda without items cannot be published");
        }
        outbox.publish(new AgendaPublished(meeting.id, meeting.bodyId, meeting.startsAt, items));
        return meeting;
    }

    @Transactional
    public Meeting hold(UUID id) {
        var meeting = get(id);
        meeting.apply(MeetingAction.HOLD);
        changed(meeting);
        return meeting;
    }

    @Transactional
    public Meeting cancel(UUID id, String reason) {
        var meeting = get(id);
        meeting.apply(MeetingAction.CANCEL);
        meeting.cancelReason = reason;
        meeting.calendarSequence++;
        outbox.publish(new MeetingCancelled(meeting.id, meeting.bodyId, meeting.startsAt, reason));
        return meeting;
    }

    /**
     * Approves a meeting's minutes, as decided on an APPROVE_MINUTES item of a later meeting
     * ({@code decisionId} null when no decision is recorded, as for reference data).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approveMinutes(Meeting meeting, UUID approvedAtMeetingId, UUID decisionId) {
        meeting.apply(MeetingAction.APPROVE_MINUTES);
        outbox.publish(new MinutesApproved(meeting.id, meeting.bodyId, approvedAtMeetingId, decisionId));
        // The minutes are final now, and with them the package an ESDH system files.
        outbox.publish(EsdhPackageReady.of(meeting.id, meeting.bodyId, meeting.caseNumber, publicUrl));
    }

    /** The last meeting of the same body before this one that was not cancelled. */
    public Optional<Meeting> previous(Meeting meeting) {
        return Meeting.<Meeting>find("bodyId = ?1 and startsAt < ?2 and status <> ?3", Sort.descending("startsAt"),
                meeting.bodyId, meeting.startsAt, MeetingStatus.CANCELLED).firstResultOptional();
    }

    private void changed(Meeting meeting) {
        outbox.publish(new MeetingChanged(meeting.id, meeting.bodyId, meeting.title, meeting.kind.name(),
                meeting.startsAt, meeting.endsAt, meeting.locationKind.name(), meeting.place, meeting.platform,
                meeting.caseNumber, meeting.status.name()));
    }

    private static void validate(MeetingRequest request) {
        if (request.endsAt().isBefore(request.startsAt())) {
            throw new RuleViolation("endsAt", "a meeting cannot end before it starts");
        }
        var location = request.location();
        if (location.kind() == LocationKind.PLACE && blank(location.place())) {
            throw new RuleViolation("location.place", "a meeting at a PLACE names the place");
        }
        if (location.kind() == LocationKind.ONLINE && blank(location.platform())) {
            throw new RuleViolation("location.platform", "an ONLINE meeting names its platform");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void copy(MeetingRequest request, Meeting meeting) {
        meeting.title = request.title().strip();
        meeting.kind = request.kind();
        meeting.startsAt = Copenhagen.time(request.startsAt());
        meeting.endsAt = Copenhagen.time(request.endsAt());
        meeting.locationKind = request.location().kind();
        meeting.place = meeting.locationKind == LocationKind.PLACE ? request.location().place().strip() : null;
        meeting.platform = meeting.locationKind == LocationKind.ONLINE ? request.location().platform().strip() : null;
        meeting.caseNumber = request.caseNumber();
    }
}
