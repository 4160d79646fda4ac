package dk.kdnet.events.meetings;

import java.util.UUID;

/**
 * The minutes of a meeting were approved, so its ESDH package (agenda and minutes PDF, closed items' excerpts for
 * the esdh client role, attachments, metadata.json) is final: an ESDH adapter fetches {@code packageUrl} (or
 * {@code packagePath} relative to the API) with its client token and files it on {@code caseNumber} (null when the
 * meeting names none); {@code metadataSchemaUrl} is the schema of its metadata.json.
 */
public record EsdhPackageReady(UUID meetingId, UUID bodyId, String caseNumber, String packagePath, String packageUrl,
        String metadataSchemaUrl) implements MeetingEvent {

    public static final String TYPE = "dk.kdnet.meetings.esdh-package-ready.v1";

    /** {@code publicUrl}: where callers reach the API (the gateway), e.g. {@code https://kdnet.example.dk}. */
    public static EsdhPackageReady of(UUID meetingId, UUID bodyId, String caseNumber, String publicUrl) {
        var path = "/api/meetings/" + meetingId + "/esdh-package";
        var base = publicUrl.replaceAll("/+$", "");
        return new EsdhPackageReady(meetingId, bodyId, caseNumber, path, base + path,
                base + "/api/meetings/esdh-package.schema.json");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
