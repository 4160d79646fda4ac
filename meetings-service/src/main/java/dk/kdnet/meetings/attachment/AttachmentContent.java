package dk.kdnet.meetings.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** The bytes of an uploaded file, in PostgreSQL so that any instance serves them after any restart. */
@Entity
public class AttachmentContent extends PanacheEntityBase {

    @Id
    public UUID attachmentId;

    public byte[] content;
}
