package dk.kdnet.meetings.agenda;

import java.util.UUID;

/**
 * Whether a decision carried an item here. Decisions build on agenda items (package decision), so the decisions
 * answer this rather than the agenda reaching up into them.
 */
public interface Postponements {

    /** Whether a decision postponed its item to {@code itemId}. */
    boolean postponedTo(UUID itemId);
}
