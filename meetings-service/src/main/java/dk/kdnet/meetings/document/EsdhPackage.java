package dk.kdnet.meetings.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.meetings.agenda.AgendaItem;
import dk.kdnet.meetings.attachment.AttachmentContent;
import dk.kdnet.meetings.attachment.AttachmentKind;
import dk.kdnet.meetings.document.DocumentService.Filing;
import dk.kdnet.meetings.document.DocumentService.Prepared;
import dk.kdnet.meetings.document.EsdhClassification.Kle;
import dk.kdnet.meetings.meeting.Copenhagen;
import dk.kdnet.web.Downloads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The package an ESDH system files for a meeting: a ZIP with the agenda PDF, the minutes PDF once the meeting is
 * held (for anyone outside the body: once approved), the files uploaded as attachments, and metadata.json (schema:
 * {@link #SCHEMA}) describing each document so that an ESDH adapter maps it without guessing: title, document type,
 * date, body and meeting, case number, KLE subject number and action facet, access, checksum and parties.
 * <p>
 * The agenda and minutes are the public versions. For the ESDH client, members and the secretariat each closed
 * item follows as a document of its own (agenda and minutes excerpt, and its attachments), marked CLOSED with the
 * reason the agenda gives, to be filed with restricted access; anyone else gets no trace of it. Attachments that
 * live in an ESDH system already are listed in the metadata only. Written entry by entry to the response;
 * metadata.json comes last, when every checksum is known.
 */
@ApplicationScoped
public class EsdhPackage {

    /** Served by meetings-service under its API path, so the gateway forwards it. */
    public static final String SCHEMA = "/api/meetings/esdh-package.schema.json";
    private static final String PDF = "application/pdf";

    @Inject
    DocumentService documents;

    @Inject
    EsdhClassification classification;

    @Inject
    ObjectMapper json;

    public record Metadata(String schema, MeetingRef meeting, Party body, OffsetDateTime generatedAt,
            List<Document> documents, List<Reference> esdhReferences) {}

    public record MeetingRef(UUID id, String title, OffsetDateTime startsAt, String status, String caseNumber) {}

    /** {@code role} BODY, ORGANIZATION or COLLABORATION; {@code name} when this service knows it. */
    public record Party(String role, UUID id, String name) {}

    public record KleCode(String code, String subjectNumber, String actionFacet) {

        static KleCode of(Kle kle) {
            return new KleCode(kle.code(), kle.subjectNumber(), kle.actionFacet());
        }
    }

    /** {@code level} PUBLIC or CLOSED; {@code reason} why it is closed, as the agenda states it. */
    public record Access(String level, String reason) {

        static final Access PUBLIC = new Access("PUBLIC", null);

        static Access of(AgendaItem item) {
            return item != null && item.closed ? new Access("CLOSED", item.closedReason) : PUBLIC;
        }
    }

    public record Checksum(String algorithm, String value) {}

    /** A file in the ZIP; {@code documentType} AGENDA, MINUTES or ATTACHMENT. */
    public record Document(String fileName, String title, String documentType, LocalDate documentDate,
            MeetingRef meeting, Party body, Integer agendaItemNumber, String caseNumber, KleCode kle, Access access,
            String mediaType, long sizeBytes, Checksum checksum, List<Party> parties) {}

    /** An attachment that is a document in an ESDH system already: listed, not copied. */
    public record Reference(String title, String documentType, String system, String documentId, String url,
            LocalDate documentDate, MeetingRef meeting, Party body, Integer agendaItemNumber, String caseNumber,
            KleCode kle, Access access, List<Party> parties) {}

    /** What is written: the documents as the caller may have them, gathered before the response starts. */
    public Filing contents(UUID meetingId) {
        return documents.filing(meetingId);
    }

    /** "KD-Net-2023-08-25-esdh.zip". */
    public static String fileName(Filing filing) {
        return Downloads.fileName(".zip", filing.bodyName(), filing.meeting().date(), "esdh");
    }

    public void write(Filing filing, OutputStream out) throws IOException {
        var meeting = filing.meeting();
        var kle = KleCode.of(classification.of(meeting.bodyId));
        var meetingRef = new MeetingRef(meeting.id, meeting.title, Copenhagen.time(meeting.startsAt),
                meeting.status.name(), meeting.caseNumber);
        var body = new Party("BODY", meeting.bodyId, filing.bodyName());
        var entries = new ArrayList<Document>();
        var references = new ArrayList<Reference>();
        var names = new HashSet<String>();
        var zip = new ZipOutputStream(out);
        // The attachments of each part (the public documents; each closed item): the minutes list the same as the
        // agenda, and maybe ones added at the meeting, so the later document's list wins.
        var attachmentsOf = new LinkedHashMap<UUID, Prepared>();
        var publicPart = new UUID(0, 0);
        for (var filed : filing.documents()) {
            var document = filed.prepared().document();
            var item = filed.item();
            var tally = entry(zip, unique(names, document.fileName()));
            MeetingPdf.write(document, tally);
            var items = item != null ? List.of(item.id) : filed.prepared().printedItems();
            entries.add(new Document(document.fileName(), document.kind().label + " " + meeting.title
                    + (item == null ? "" : ", punkt " + document.items().getFirst().number() + ": " + item.title),
                    document.kind().name(), meeting.date(), meetingRef, body, item == null ? null : item.number,
                    caseNumber(item, meeting.caseNumber), kle, Access.of(item), PDF, tally.count(),
                    new Checksum("SHA-256", tally.sha256()), parties(body, filing, items)));
            attachmentsOf.put(item == null ? publicPart : item.id, filed.prepared());
        }
        for (var prepared : attachmentsOf.values()) {
            for (var listed : prepared.attachments()) {
                var attachment = listed.attachment();
                var item = listed.item();
                var added = Copenhagen.date(attachment.addedAt);
                var parties = parties(body, filing, List.of(item.id));
                if (attachment.kind == AttachmentKind.ESDH) {
                    references.add(new Reference(listed.label(), "ATTACHMENT", attachment.esdhSystem,
                            attachment.esdhDocumentId, attachment.url, added, meetingRef, body, item.number,
                            caseNumber(item, meeting.caseNumber), kle, Access.of(item), parties));
                    continue;
                }
                var name = unique(names, "bilag/" + safe(attachment.fileName != null ? attachment.fileName
                        : attachment.id.toString()));
                var tally = entry(zip, name);
                // One attachment's bytes at a time, in a transaction of their own: the response outlives the request's.
                tally.write(QuarkusTransaction.requiringNew().call(() -> AttachmentContent
                        .<AttachmentContent>findById(attachment.id).content));
                entries.add(new Document(name, listed.label(), "ATTACHMENT", added, meetingRef, body, item.number,
                        caseNumber(item, meeting.caseNumber), kle, Access.of(item), attachment.mediaType,
                        tally.count(), new Checksum("SHA-256", tally.sha256()), parties));
            }
        }
        var metadata = new Metadata(SCHEMA, meetingRef, body, OffsetDateTime.now(Copenhagen.ZONE), entries, references);
        var tally = entry(zip, "metadata.json");
        json.writerWithDefaultPrettyPrinter().writeValue(tally, metadata);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static String caseNumber(AgendaItem item, String meetingCaseNumber) {
        return item != null && item.caseNumber != null ? item.caseNumber : meetingCaseNumber;
    }

    /** The body, then the organizations and collaborations the decisions on the document's items name. */
    private static List<Party> parties(Party body, Filing filing, List<UUID> items) {
        var parties = new LinkedHashSet<Party>();
        parties.add(body);
        for (var item : items) {
            filing.organizations().getOrDefault(item, List.of()).forEach(o -> parties.add(new Party("ORGANIZATION", o, null)));
            filing.collaborations().getOrDefault(item, List.of()).forEach(c -> parties.add(new Party("COLLABORATION", c, null)));
        }
        return List.copyOf(parties);
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
