package dk.kdnet.meetings.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.meetings.attachment.AttachmentContent;
import dk.kdnet.meetings.attachment.AttachmentKind;
import dk.kdnet.meetings.document.DocumentService.Prepared;
import dk.kdnet.meetings.meeting.Copenhagen;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The package an ESDH system files for a meeting: a ZIP with the agenda PDF, the minutes PDF once the meeting is
 * held (for anonymous callers: once approved), the files uploaded as attachments, and metadata.json (schema: /esdh-package.schema.json) naming each
 * document's case number, KLE classification, date, title, media type and SHA-256. Attachments that live in an
 * ESDH system already are listed in the metadata only. Written entry by entry to the response; metadata.json
 * comes last, when every checksum is known.
 */
@ApplicationScoped
public class EsdhPackage {

    public static final String SCHEMA = "/esdh-package.schema.json";
    private static final String PDF = "application/pdf";

    @Inject
    DocumentService documents;

    @Inject
    EsdhClassification classification;

    @Inject
    ObjectMapper json;

    public record Metadata(String schema, MeetingInfo meeting, OffsetDateTime generatedAt, List<Document> documents,
            List<Reference> esdhReferences) {}

    public record MeetingInfo(UUID id, UUID bodyId, String title, OffsetDateTime startsAt, String status,
            String caseNumber, String kleClassification) {}

    /** {@code kind} AGENDA, MINUTES or ATTACHMENT; {@code agendaItemNumber} set for attachments. */
    public record Document(String fileName, String kind, String title, LocalDate documentDate, String caseNumber,
            String kleClassification, String mediaType, long sizeBytes, String sha256, Integer agendaItemNumber) {}

    public record Reference(String title, String system, String documentId, String url, LocalDate documentDate,
            String caseNumber, String kleClassification, Integer agendaItemNumber) {}

    /** What is written: the documents as the caller may see them, gathered before the response starts. */
    public record Contents(Prepared agenda, Prepared minutes) {}

    public Contents contents(UUID meetingId) {
        var agenda = documents.agenda(meetingId);
        var minutes = documents.minutesShown(agenda.meeting()) ? documents.minutes(meetingId) : null;
        return new Contents(agenda, minutes);
    }

    public static String fileName(Contents contents) {
        return "esdh-" + contents.agenda().document().fileName().replace("dagsorden-", "").replace(".pdf", ".zip");
    }

    public void write(Contents contents, OutputStream out) throws IOException {
        var meeting = contents.agenda().meeting();
        var kle = classification.of(meeting.bodyId);
        var date = meeting.date();
        var entries = new ArrayList<Document>();
        var references = new ArrayList<Reference>();
        var names = new HashSet<String>();
        var zip = new ZipOutputStream(out);
        for (var prepared : contents.minutes() == null ? List.of(contents.agenda())
                : List.of(contents.agenda(), contents.minutes())) {
            var document = prepared.document();
            var tally = entry(zip, unique(names, document.fileName()));
            MeetingPdf.write(document, tally);
            entries.add(new Document(document.fileName(), document.kind().name(),
                    document.kind().label + " " + meeting.title, date, meeting.caseNumber, kle, PDF,
                    tally.count(), tally.sha256(), null));
        }
        // The minutes list the same attachments as the agenda, and maybe ones added at the meeting.
        var source = contents.minutes() == null ? contents.agenda() : contents.minutes();
        for (var listed : source.attachments()) {
            var attachment = listed.attachment();
            var caseNumber = listed.item().caseNumber != null ? listed.item().caseNumber : meeting.caseNumber;
            var added = Copenhagen.date(attachment.addedAt);
            if (attachment.kind == AttachmentKind.ESDH) {
                references.add(new Reference(listed.label(), attachment.esdhSystem, attachment.esdhDocumentId,
                        attachment.url, added, caseNumber, kle, listed.item().number));
                continue;
            }
            var name = unique(names, "bilag/" + safe(attachment.fileName != null ? attachment.fileName
                    : attachment.id.toString()));
            var tally = entry(zip, name);
            // One attachment's bytes at a time, in a transaction of their own: the response outlives the request's.
            tally.write(QuarkusTransaction.requiringNew().call(() -> AttachmentContent
                    .<AttachmentContent>findById(attachment.id).content));
            entries.add(new Document(name, "ATTACHMENT", listed.label(), added, caseNumber, kle,
                    attachment.mediaType, tally.count(), tally.sha256(), listed.item().number));
        }
        var metadata = new Metadata(SCHEMA, new MeetingInfo(meeting.id, meeting.bodyId, meeting.title,
                Copenhagen.time(meeting.startsAt), meeting.status.name(), meeting.caseNumber, kle),
                OffsetDateTime.now(Copenhagen.ZONE), entries, references);
        var tally = entry(zip, "metadata.json");
        json.writerWithDefaultPrettyPrinter().writeValue(tally, metadata);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static Tally entry(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new Tally(zip);
    }

    /** A file name without path separators or characters archive tools stumble over. */
    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    /** Two attachments named alike get "-2", "-3" before the extension. */
    private static String unique(Set<String> names, String name) {
        var candidate = name;
        for (var n = 2; !names.add(candidate); n++) {
            var dot = name.lastIndexOf('.');
            candidate = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "-" + n + name.substring(dot)
                    : name + "-" + n;
        }
        return candidate;
    }
}
