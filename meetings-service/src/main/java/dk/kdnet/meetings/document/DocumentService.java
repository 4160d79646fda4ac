package dk.kdnet.meetings.document;

import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.agenda.AgendaItem;
import dk.kdnet.meetings.attachment.Attachment;
import dk.kdnet.meetings.attachment.AttachmentKind;
import dk.kdnet.meetings.body.Bodies;
import dk.kdnet.meetings.decision.Decision;
import dk.kdnet.meetings.decision.Outcome;
import dk.kdnet.meetings.meeting.Copenhagen;
import dk.kdnet.meetings.meeting.LocationKind;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingKind;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.meetings.meeting.MeetingStatus;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Gathers what a meeting's agenda or minutes show to the caller; {@link MeetingPdf} prints it. */
@ApplicationScoped
public class DocumentService {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", DANISH);

    @Inject
    MeetingService meetings;

    @Inject
    Bodies bodies;

    @Inject
    Visibility visibility;

    /**
     * A meeting's document with the attachments it lists, the ones stored here among them, and the items whose
     * content it prints (not those it shows as "Lukket punkt").
     */
    public record Prepared(Meeting meeting, MeetingDocument document, List<Listed> attachments,
            List<UUID> printedItems) {}

    /** An attachment as numbered in the document ("Bilag 3 - ..."), with the item it belongs to. */
    public record Listed(Attachment attachment, String label, AgendaItem item) {}

    /** The agenda; before it is published only members and the secretariat see it (a draft). */
    @Transactional
    public Prepared agenda(UUID meetingId) {
        var meeting = meetings.get(meetingId);
        if (!visibility.seesAgenda(meeting)) {
            throw new NotFound("published agenda of meeting", meetingId);
        }
        return prepare(meeting, DocumentKind.AGENDA);
    }

    /** The minutes exist once the meeting is held; until they are approved only members and the secretariat see them. */
    @Transactional
    public Prepared minutes(UUID meetingId) {
        var meeting = meetings.get(meetingId);
        requireMinutes(meeting);
        if (!visibility.seesMinutes(meeting)) {
            throw new NotFound("approved minutes of meeting", meetingId);
        }
        return prepare(meeting, DocumentKind.MINUTES);
    }

    /** Whether the caller gets the minutes of the meeting, now that it has them. */
    public boolean minutesShown(Meeting meeting) {
        return hasMinutes(meeting.status) && visibility.seesMinutes(meeting);
    }

    public static boolean hasMinutes(MeetingStatus status) {
        return status == MeetingStatus.HELD || status == MeetingStatus.MINUTES_APPROVED;
    }

    static void requireMinutes(Meeting meeting) {
        if (!hasMinutes(meeting.status)) {
            throw new Conflict("minutes exist once the meeting is HELD; the meeting is " + meeting.status,
                    Map.of("currentStatus", meeting.status.name()));
        }
    }

    /**
     * What the ESDH package files, as the caller may have it: the public agenda (closed items as "Lukket punkt") and,
     * once shown, the public minutes; for the ESDH client, members and the secretariat also each closed item's
     * agenda and minutes excerpt, to be filed with restricted access. The agenda must be published and the minutes
     * approved for the ESDH client as for anyone outside the body.
     */
    public record Filing(Meeting meeting, String bodyName, List<Filed> documents, Map<UUID, List<UUID>> organizations,
            Map<UUID, List<UUID>> collaborations) {}

    /** One PDF of the package: the whole public document, or one closed item's excerpt ({@code item} set). */
    public record Filed(Prepared prepared, AgendaItem item) {}

    @Transactional
    public Filing filing(UUID meetingId) {
        var meeting = meetings.get(meetingId);
        if (!visibility.seesAgenda(meeting)) {
            throw new NotFound("published agenda of meeting", meetingId);
        }
        var items = AgendaItem.ofMeeting(meeting.id);
        var withMinutes = minutesShown(meeting);
        var kinds = withMinutes ? List.of(DocumentKind.AGENDA, DocumentKind.MINUTES) : List.of(DocumentKind.AGENDA);
        var documents = new ArrayList<Filed>();
        kinds.forEach(kind -> documents.add(new Filed(prepare(meeting, kind, items, false, null), null)));
        if (visibility.filesClosedItems()) {
            for (var item : items.stream().filter(i -> i.closed).toList()) {
                kinds.forEach(kind -> documents.add(new Filed(prepare(meeting, kind, List.of(item), true,
                        "lukket punkt " + number(item)), item)));
            }
        }
        // The parties: what each item's decision names (only decisions the package may show).
        var organizations = new HashMap<UUID, List<UUID>>();
        var collaborations = new HashMap<UUID, List<UUID>>();
        if (withMinutes) {
            for (var decision : Decision.<Decision>list("meetingId", meeting.id)) {
                for (var effect : decision.effects) {
                    if (effect.organizationId() != null) {
                        organizations.computeIfAbsent(decision.agendaItemId, k -> new ArrayList<>())
                                .add(effect.organizationId());
                    }
                    if (effect.collaborationId() != null) {
                        collaborations.computeIfAbsent(decision.agendaItemId, k -> new ArrayList<>())
                                .add(effect.collaborationId());
                    }
                }
            }
        }
        return new Filing(meeting, bodyName(meeting), documents, organizations, collaborations);
    }

    Prepared prepare(Meeting meeting, DocumentKind kind) {
        return prepare(meeting, kind, AgendaItem.ofMeeting(meeting.id), visibility.seesConfidential(), null);
    }

    /**
     * The document of {@code items}; closed ones printed in full when {@code confidential}, else as "Lukket punkt".
     * {@code excerpt} names the part of the meeting's document it is, null for the whole.
     */
    private Prepared prepare(Meeting meeting, DocumentKind kind, List<AgendaItem> items, boolean confidential,
            String excerpt) {
        var ids = items.stream().map(i -> i.id).toList();
        var attachments = ids.isEmpty() ? List.<Attachment>of()
                : Attachment.<Attachment>list("agendaItemId in ?1", Sort.by("addedAt").and("id"), ids);
        var byItem = attachments.stream().collect(Collectors.groupingBy(a -> a.agendaItemId));
        Map<UUID, Decision> decisions = kind == DocumentKind.MINUTES
                ? Decision.<Decision>list("meetingId", meeting.id).stream()
                        .collect(Collectors.toMap(d -> d.agendaItemId, Function.identity()))
                : Map.of();
        var listed = new ArrayList<Listed>();
        var printed = new ArrayList<MeetingDocument.Item>();
        var printedItems = new ArrayList<UUID>();
        for (var item : items) {
            var number = number(item);
            if (item.closed && !confidential) {
                printed.add(new MeetingDocument.Item(number, null, List.of(), true, null, null, List.of(), null,
                        null, List.of()));
                continue;
            }
            printedItems.add(item.id);
            var labels = new ArrayList<String>();
            for (var attachment : byItem.getOrDefault(item.id, List.of())) {
                var label = label(listed.size() + 1, attachment);
                labels.add(label);
                listed.add(new Listed(attachment, label, item));
            }
            var decision = decisions.get(item.id);
            printed.add(new MeetingDocument.Item(number, item.title, item.presenters, false, item.caseNumber,
                    item.summary, item.recommendation, item.casePresentation,
                    decision == null ? null : decision(decision), labels));
        }
        var document = new MeetingDocument(kind, bodyName(meeting), meeting.title, kind(meeting.kind),
                meeting.date(), time(meeting), location(meeting), meeting.caseNumber, excerpt, printed);
        return new Prepared(meeting, document, listed, printedItems);
    }

    /** The item's number on the agenda, its position until the agenda is published. */
    private static String number(AgendaItem item) {
        return item.number == null ? String.valueOf(item.position) : String.valueOf(item.number);
    }

    /** "Bilag 9 - Budgetforslag 2024"; a title that is numbered already ("Bilag 9 - ...") stays as it is. */
    private static String label(int number, Attachment attachment) {
        var title = attachment.title;
        var base = title.regionMatches(true, 0, "Bilag", 0, 5) ? title : "Bilag " + number + " - " + title;
        return attachment.kind == AttachmentKind.ESDH
                ? base + " (" + attachment.esdhSystem + " " + attachment.esdhDocumentId + ")" : base;
    }

    private static MeetingDocument.Decision decision(Decision decision) {
        var parts = decision.partOutcomes.stream().map(p -> "Indstillingens del " + p.part() + ": "
                + outcome(p.outcome()) + (p.note() == null ? "" : " – " + p.note())).toList();
        return new MeetingDocument.Decision(outcome(decision.outcome), decision.text, parts);
    }

    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "Godkendt";
            case NOTED -> "Taget til efterretning";
            case DISCUSSED -> "Drøftet";
            case POSTPONED -> "Udsat";
            case REJECTED -> "Afvist";
            case REFERRED -> "Henvist";
        };
    }

    private static String kind(MeetingKind kind) {
        return switch (kind) {
            case ORDINARY -> "ordinært møde";
            case CONSTITUTING -> "konstituerende møde";
            case SEMINAR -> "seminar";
            case STATUS -> "statusmøde";
        };
    }

    /** The body's short name from the read model; the meeting's title until groups-service has told us. */
    private String bodyName(Meeting meeting) {
        return bodies.displayName(meeting.bodyId).orElse(meeting.title);
    }

    /** "25. august 2023 kl. 10:00–13:00" in Copenhagen time; the end only when it is stated. */
    static String time(Meeting meeting) {
        var start = Copenhagen.time(meeting.startsAt);
        var end = Copenhagen.time(meeting.endsAt);
        var text = DAY.format(start) + " kl. " + CLOCK.format(start);
        return end.isAfter(start) && end.toLocalDate().equals(start.toLocalDate()) ? text + "–" + CLOCK.format(end)
                : text;
    }

    static String location(Meeting meeting) {
        if (meeting.locationKind == LocationKind.PLACE) {
            return meeting.place;
        }
        // A platform named like "Online (platform ikke angivet)" says it already.
        return meeting.platform.toLowerCase(DANISH).contains("online") ? meeting.platform
                : "Online (" + meeting.platform + ")";
    }
}
