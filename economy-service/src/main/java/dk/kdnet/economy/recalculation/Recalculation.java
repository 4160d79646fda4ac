package dk.kdnet.economy.recalculation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One recalculation of charges as last recorded; written by {@link Recalculations} in transactions of its own. */
@Entity
public class Recalculation extends PanacheEntityBase {

    public enum State {
        /** Calculating ({@code done} of {@code total} schemes), or writing its charges once all are done. */
        RUNNING,
        /** Committed: its charges and events are in. */
        DONE,
        /** Rolled back: nothing of it stays (its event is retried, as a new recalculation). */
        FAILED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public State state;

    public int done;

    public int total;

    public UUID causeEventId;

    public String causeEventType;

    public UUID decisionId;

    public String correlationId;

    public Instant startedAt;

    public Instant updatedAt;

    public Instant finishedAt;
}
