package dk.kdnet.meetings.document;

import dk.kdnet.meetings.access.Visibility;
import dk.kdnet.meetings.agenda.AgendaItem;
import dk.kdnet.meetings.attachment.Attachment;
import dk.kdnet.meetings.attachment.AttachmentKind;
import dk.kdnet.meetings.body.Body;
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
    Visibility visibility;

    /** A meeting's document with the attachments it lists, the ones stored here among them. */
    public record Prepared(Meeting meeting, MeetingDocument document, List<Listed> attachments) {}

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

    Prepared prepare(Meeting meeting, DocumentKind kind) {
        var confidential = visibility.seesConfidential();
        var items = AgendaItem.ofMeeting(meeting.id);
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
        for (var item : items) {
            var number = item.number == null ? String.valueOf(item.position) : String.valueOf(item.number);
            if (item.closed && !confidential) {
                printed.add(new MeetingDocument.Item(number, null, List.of(), true, null, null, List.of(), null,
                        null, List.of()));
                continue;
            }
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
                meeting.date(), time(meeting), location(meeting), meeting.caseNumber, printed);
        return new Prepared(meeting, document, listed);
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
    private static String bodyName(Meeting meeting) {
        return Body.displayName(meeting.bodyId).orElse(meeting.title);
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
