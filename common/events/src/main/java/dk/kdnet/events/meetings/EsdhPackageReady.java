package dk.kdnet.events.meetings;

import dk.kdnet.events.DomainEvent;
import java.util.UUID;

/**
 * The minutes of a meeting were approved, so its ESDH package (agenda and minutes PDF, attachments,
 * metadata.json) is final: an ESDH adapter fetches {@code packagePath} (GET, relative to the API) and files
 * it on {@code caseNumber} (null when the meeting names none).
 */
public record EsdhPackageReady(UUID meetingId, UUID bodyId, String caseNumber, String packagePath) implements DomainEvent {

    public static final String TYPE = "dk.kdnet.meetings.esdh-package-ready.v1";

    public static EsdhPackageReady of(UUID meetingId, UUID bodyId, String caseNumber) {
        return new EsdhPackageReady(meetingId, bodyId, caseNumber, "/api/meetings/" + meetingId + "/esdh-package");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return MeetingsTopics.MEETINGS;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
