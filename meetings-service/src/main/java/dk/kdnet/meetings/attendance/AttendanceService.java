package dk.kdnet.meetings.attendance;

import dk.kdnet.meetings.attendance.AttendanceApi.AttendanceView;
import dk.kdnet.meetings.attendance.AttendanceApi.EntryView;
import dk.kdnet.meetings.attendance.AttendanceApi.ParticipantStatus;
import dk.kdnet.meetings.attendance.AttendanceApi.ParticipantView;
import dk.kdnet.meetings.meeting.Meeting;
import dk.kdnet.meetings.meeting.MeetingRules;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.problems.ProblemException.Conflict;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemException.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttendanceService {

    @Inject
    MeetingService meetings;

    /** Expected participants are the body's members on the meeting date, marked with their apologies and substitutes. */
    @Transactional
    public AttendanceView of(UUID meetingId) {
        var meeting = meetings.get(meetingId);
        List<AttendanceEntry> entries = AttendanceEntry.list("meetingId", meetingId);
        var expected = expected(meeting).stream().map(m -> new ParticipantView(m.personId, m.displayName, m.role,
                m.voting, m.representingOrganizationId, status(m.personId, entries))).toList();
        return new AttendanceView(meeting.id, meeting.date(), expected, of(entries, AttendanceKind.APOLOGY),
                of(entries, AttendanceKind.SUBSTITUTE), of(entries, AttendanceKind.GUEST));
    }

    @Transactional
    public AttendanceEntry apology(UUID meetingId, UUID personId, String note) {
        var meeting = changeable(meetingId);
        var member = requireExpected(meeting, personId, "personId");
        if (AttendanceEntry.count("meetingId = ?1 and kind = ?2 and personId = ?3", meetingId, AttendanceKind.APOLOGY,
                personId) > 0) {
            throw new Conflict("an apology from " + personId + " is recorded already");
        }
        return save(meetingId, AttendanceKind.APOLOGY, personId, member.displayName, null,
                member.representingOrganizationId, note);
    }

    @Transactional
    public AttendanceEntry substitute(UUID meetingId, AttendanceApi.SubstituteRequest request) {
        var meeting = changeable(meetingId);
        requireExpected(meeting, request.forPersonId(), "forPersonId");
        return save(meetingId, AttendanceKind.SUBSTITUTE, request.personId(), request.displayName(),
                request.forPersonId(), request.organizationId(), request.note());
    }

    @Transactional
    public AttendanceEntry guest(UUID meetingId, AttendanceApi.GuestRequest request) {
        changeable(meetingId);
        return save(meetingId, AttendanceKind.GUEST, request.personId(), request.displayName(), null,
                request.organizationId(), request.note());
    }

    @Transactional
    public void remove(UUID meetingId, UUID entryId) {
        changeable(meetingId);
        var entry = AttendanceEntry.<AttendanceEntry>findByIdOptional(entryId).filter(e -> e.meetingId.equals(meetingId))
                .orElseThrow(() -> new NotFound("attendance entry", entryId));
        entry.delete();
    }

    static EntryView view(AttendanceEntry e) {
        return new EntryView(e.id, e.kind, e.personId, e.displayName, e.forPersonId, e.organizationId, e.note,
                e.version);
    }

    private Meeting changeable(UUID meetingId) {
        var meeting = meetings.get(meetingId);
        MeetingRules.requireAttendanceChangeable(meeting.status);
        return meeting;
    }

    private static List<BodyMembership> expected(Meeting meeting) {
        return BodyMembership.on(meeting.bodyId, meeting.date());
    }

    private static BodyMembership requireExpected(Meeting meeting, UUID personId, String field) {
        return expected(meeting).stream().filter(m -> m.personId.equals(personId)).findFirst()
                .orElseThrow(() -> new RuleViolation(field, "person " + personId
                        + " is not a member of the body on " + meeting.date()));
    }

    private static ParticipantStatus status(UUID personId, List<AttendanceEntry> entries) {
        if (entries.stream().anyMatch(e -> e.kind == AttendanceKind.SUBSTITUTE && personId.equals(e.forPersonId))) {
            return ParticipantStatus.SUBSTITUTED;
        }
        if (entries.stream().anyMatch(e -> e.kind == AttendanceKind.APOLOGY && personId.equals(e.personId))) {
            return ParticipantStatus.APOLOGY;
        }
        return ParticipantStatus.EXPECTED;
    }

    private static List<EntryView> of(List<AttendanceEntry> entries, AttendanceKind kind) {
        return entries.stream().filter(e -> e.kind == kind).map(AttendanceService::view).toList();
    }

    private static AttendanceEntry save(UUID meetingId, AttendanceKind kind, UUID personId, String name,
            UUID forPersonId, UUID organizationId, String note) {
        var entry = new AttendanceEntry();
        entry.id = UUID.randomUUID();
        entry.meetingId = meetingId;
        entry.kind = kind;
        entry.personId = personId;
        entry.displayName = name;
        entry.forPersonId = forPersonId;
        entry.organizationId = organizationId;
        entry.note = note;
        entry.persist();
        return entry;
    }
}
