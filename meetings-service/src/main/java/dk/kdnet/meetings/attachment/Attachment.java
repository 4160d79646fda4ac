package dk.kdnet.meetings.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An attachment (bilag) of an agenda item. The bytes of a FILE are in {@link AttachmentContent}. */
@Entity
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID agendaItemId;

    @Enumerated(EnumType.STRING)
    public AttachmentKind kind;

    public String title;

    public String esdhSystem;

    public String esdhDocumentId;

    public String url;

    public String fileName;

    public String mediaType;

    public Long sizeBytes;

    /** Hex SHA-256 of the stored bytes. */
    public String sha256;

    public OffsetDateTime addedAt;

    @Version
    public long version;
}
