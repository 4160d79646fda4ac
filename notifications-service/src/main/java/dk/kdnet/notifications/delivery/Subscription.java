package dk.kdnet.notifications.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipal system's webhook: where to send which events, and the secret they are signed with. */
@Entity
public class Subscription extends PanacheEntityBase {

    @Schema(name = "SubscriptionStatus")
    public enum Status {
        ACTIVE,
        /** Deliveries failed for too long; its undelivered events wait until it is resumed. */
        PAUSED
    }

    @Id
    public UUID id;

    public String url;

    /** The event types it receives; empty: all. */
    public String[] eventTypes = new String[0];

    public UUID bodyId;

    public UUID meetingId;

    public UUID collaborationId;

    public UUID organizationId;

    /** The client token that made it (its subject); null when the secretariat did. */
    public String clientId;

    /** The organization that client token is limited to, if any: it receives only what that organization may. */
    public UUID ownerOrganizationId;

    public String secret;

    @Enumerated(EnumType.STRING)
    public Status status = Status.ACTIVE;

    public String pausedReason;

    public OffsetDateTime pausedAt;

    public OffsetDateTime createdAt;

    public String createdBy;

    @Version
    public long version;
}
