package dk.kdnet.meetings.attachment;

import dk.kdnet.meetings.agenda.AgendaItem;
import dk.kdnet.meetings.agenda.AgendaService;
import dk.kdnet.meetings.attachment.AttachmentApi.EsdhReferenceRequest;
import dk.kdnet.meetings.meeting.MeetingRules;
import dk.kdnet.meetings.meeting.MeetingService;
import dk.kdnet.problems.ProblemException.BadRequest;
import dk.kdnet.problems.ProblemException.NotFound;
import dk.kdnet.problems.ProblemType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    @Inject
    AgendaService agenda;

    @Inject
    MeetingService meetings;

    @Inject
    AttachmentLimits limits;

    /** A stored file with what is needed to serve it. */
    public record StoredFile(Attachment attachment, byte[] content) {}

    public List<Attachment> of(UUID itemId) {
        agenda.visible(itemId);
        return Attachment.list("agendaItemId", Sort.by("addedAt").and("id"), itemId);
    }

    @Transactional
    public Attachment referTo(UUID itemId, EsdhReferenceRequest request) {
        var attachment = newAttachment(changeableItem(itemId), AttachmentKind.ESDH, request.title());
        attachment.esdhSystem = request.system();
        attachment.esdhDocumentId = request.documentId();
        attachment.url = request.url();
        attachment.persist();
        return attachment;
    }

    /** Stores an uploaded file, refusing it (413/415) beyond the limits before it is kept. */
    @Transactional
    public Attachment upload(UUID itemId, String title, String fileName, String mediaType, InputStream body) {
        var item = changeableItem(itemId);
        var type = mediaType == null ? null : mediaType.split(";")[0].strip().toLowerCase();
        if (type == null || !limits.mediaTypes().contains(type)) {
            throw new AttachmentRejected(ProblemType.UNSUPPORTED_MEDIA_TYPE, "files of type " + type
                    + " are not accepted", Map.of("accepted", limits.mediaTypes().stream().sorted().toList()));
        }
        var content = read(body);
        if (content.length == 0) {
            throw new BadRequest("body", "the file is empty");
        }
        var attachment = newAttachment(item, AttachmentKind.FILE, title == null || title.isBlank() ? fileName : title);
        if (attachment.title == null || attachment.title.isBlank()) {
            throw new BadRequest("title", "name the attachment by title or fileName");
        }
        attachment.fileName = fileName;
        attachment.mediaType = type;
        attachment.sizeBytes = (long) content.length;
        attachment.sha256 = sha256(content);
        attachment.persist();
        var stored = new AttachmentContent();
        stored.attachmentId = attachment.id;
        stored.content = content;
        stored.persist();
        LOG.infof("attachment %s stored on item %s: %d bytes %s", attachment.id, itemId, content.length, type);
        return attachment;
    }

    @Transactional
    public StoredFile content(UUID attachmentId) {
        var attachment = visible(attachmentId);
        var content = AttachmentContent.<AttachmentContent>findByIdOptional(attachmentId)
                .orElseThrow(() -> new NotFound("stored file of attachment", attachmentId));
        return new StoredFile(attachment, content.content);
    }

    @Transactional
    public void remove(UUID attachmentId) {
        var attachment = get(attachmentId);
        changeableItem(attachment.agendaItemId);
        AttachmentContent.deleteById(attachmentId);
        attachment.delete();
    }

    /** An attachment as the caller may see it: one of an item hidden from them does not exist for them either. */
    public Attachment visible(UUID attachmentId) {
        var attachment = get(attachmentId);
        agenda.visible(attachment.agendaItemId);
        return attachment;
    }

    public Attachment get(UUID attachmentId) {
        return Attachment.<Attachment>findByIdOptional(attachmentId)
                .orElseThrow(() -> new NotFound("attachment", attachmentId));
    }

    private AgendaItem changeableItem(UUID itemId) {
        var item = agenda.get(itemId);
        MeetingRules.requireItemsChangeable(meetings.get(item.meetingId).status);
        return item;
    }

    private static Attachment newAttachment(AgendaItem item, AttachmentKind kind, String title) {
        var attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.agendaItemId = item.id;
        attachment.kind = kind;
        attachment.title = title == null ? null : title.strip();
        attachment.addedAt = OffsetDateTime.now();
        return attachment;
    }

    /** Reads at most one byte past the limit, so an oversized upload is refused without holding all of it. */
    private byte[] read(InputStream body) {
        try (body) {
            var content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (content.length > limits.maxBytes()) {
                throw new AttachmentRejected(ProblemType.PAYLOAD_TOO_LARGE, "a file may be at most "
                        + limits.maxBytes() + " bytes", Map.of("maxBytes", limits.maxBytes()));
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
