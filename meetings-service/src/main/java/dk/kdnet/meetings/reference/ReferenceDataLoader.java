package dk.kdnet.meetings.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.meetings.agenda.AgendaItemApi.ItemRequest;
import dk.kdnet.meetings.agenda.AgendaService;
import dk.kdnet.meetings.agenda.StandardType;
import dk.kdnet.meetings.decision.DecisionApi.DecisionRequest;
import dk.kdnet.meetings.decision.DecisionApi.PartOutcome;
import dk.kdnet.meetings.decision.DecisionService;
import dk.kdnet.meetings.decision.Outcome;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingApi.Location;
import dk.kdnet.meetings.meeting.MeetingApi.MeetingRequest;
import dk.kdnet.meetings.meeting.MeetingKind;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.meetings.meeting.MeetingStatus;
import dk.kdnet.meetings.numbering.NumberingPolicy;
import dk.kdnet.meetings.agenda.NumberingService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads KD-Net's 2023 meetings on the first start: 27 Jan (items 18–20), 2 Jun (35–51, with the
 * decisions as its minutes record them, approved on 25 Aug) and 25 Aug (52–63, held; its decisions
 * are not in the documents). Through the services, so the events go out as for any change; the
 * numbers are those of the documents, imported before each agenda is published.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    private static final long LOCK_KEY = 0x6b646e65746d7467L; // "kdnetmtg"
    static final String KDNET = "kdnet";

    @Inject
    MeetingService meetings;

    @Inject
    AgendaService agenda;

    @Inject
    DecisionService decisions;

    @Inject
    NumberingService numbering;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    record ReferenceDecision(Outcome outcome, String text, List<PartOutcome> partOutcomes) {}

    record ReferenceItem(int number, String title, StandardType standardType, List<String> presenters,
            String caseNumber, String summary, List<String> recommendation, String casePresentation,
            ReferenceDecision decision) {}

    record ReferenceMeeting(String slug, String title, MeetingKind kind, OffsetDateTime startsAt,
            OffsetDateTime endsAt, Location location, String caseNumber, MeetingStatus status,
            String minutesApprovedAt, List<ReferenceItem> items) {}

    record ReferenceFile(String about, List<ReferenceMeeting> meetings) {}

    @Transactional
    void load(@Observes StartupEvent startup) {
        // Several instances may start at once; the first one loads, the others find the data.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        var body = ReferenceIds.body(KDNET);
        if (Meeting.count("bodyId", body) > 0) {
            return;
        }
        // KD-Net numbers its items on through the calendar year (2023: 18–20, 35–51, 52–63).
        numbering.setPolicy(body, null, NumberingPolicy.CONTINUOUS_YEARLY);
        var file = read("reference-data/meetings-2023.json");
        var loaded = new LinkedHashMap<ReferenceMeeting, Meeting>();
        for (var reference : file.meetings()) {
            var meeting = meetings.schedule(ReferenceIds.meeting(reference.slug()), new MeetingRequest(body,
                    reference.title(), reference.kind(), reference.startsAt(), reference.endsAt(),
                    reference.location(), reference.caseNumber()));
            for (var item : reference.items()) {
                agenda.importItem(ReferenceIds.agendaItem(reference.slug() + "-" + item.number()), meeting.id,
                        item.number(), new ItemRequest(item.title(), item.presenters(), item.summary(),
                                item.recommendation(), item.casePresentation(), false, null, item.caseNumber(),
                                item.standardType()));
            }
            meetings.publishAgenda(meeting.id);
            meetings.hold(meeting.id);
            // Minutes of earlier meetings approved at this one; the approving decision is not in the documents.
            loaded.forEach((earlier, held) -> {
                if (reference.slug().equals(earlier.minutesApprovedAt())) {
                    meetings.approveMinutes(held, meeting.id, null);
                }
            });
            for (var item : reference.items()) {
                if (item.decision() != null) {
                    var slug = reference.slug() + "-" + item.number();
                    decisions.record(ReferenceIds.decision(slug), ReferenceIds.agendaItem(slug), null, new DecisionRequest(
                            item.decision().outcome(), item.decision().text(), item.decision().partOutcomes(),
                            null, null, null, null));
                }
            }
            // Approved at a meeting that is not in the documents.
            if (reference.status() == MeetingStatus.MINUTES_APPROVED && reference.minutesApprovedAt() == null) {
                meetings.approveMinutes(meeting, null, null);
            }
            loaded.put(reference, meeting);
        }
        LOG.infof("loaded reference data: %d meetings of KD-Net", file.meetings().size());
    }

    private ReferenceFile read(String resource) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, ReferenceFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
