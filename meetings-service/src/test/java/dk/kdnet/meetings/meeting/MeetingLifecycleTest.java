package dk.kdnet.meetings.meeting;

import static dk.kdnet.meetings.meeting.MeetingStatus.AGENDA_PUBLISHED;
import static dk.kdnet.meetings.meeting.MeetingStatus.CANCELLED;
import static dk.kdnet.meetings.meeting.MeetingStatus.HELD;
import static dk.kdnet.meetings.meeting.MeetingStatus.MINUTES_APPROVED;
import static dk.kdnet.meetings.meeting.MeetingStatus.PLANNED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeetingLifecycleTest {

    @Test
    void aMeetingGoesFromPlannedToMinutesApproved() {
        var status = MeetingAction.PUBLISH_AGENDA.apply(PLANNED);
        assertEquals(AGENDA_PUBLISHED, status);
        status = MeetingAction.HOLD.apply(status);
        assertEquals(HELD, status);
        assertEquals(MINUTES_APPROVED, MeetingAction.APPROVE_MINUTES.apply(status));
    }

    @Test
    void aMeetingIsCancelledBeforeItIsHeld() {
        assertEquals(CANCELLED, MeetingAction.CANCEL.apply(PLANNED));
        assertEquals(CANCELLED, MeetingAction.CANCEL.apply(AGENDA_PUBLISHED));
    }

    @Test
    void aWrongTransitionIsRefusedNamingTheCurrentStatus() {
        var conflict = assertThrows(MeetingStatusException.class, () -> MeetingAction.HOLD.apply(PLANNED));
        assertTrue(conflict.getMessage().contains("PLANNED"), conflict.getMessage());
        assertEquals(PLANNED, conflict.currentStatus());
        assertThrows(MeetingStatusException.class, () -> MeetingAction.CANCEL.apply(HELD));
        assertThrows(MeetingStatusException.class, () -> MeetingAction.PUBLISH_AGENDA.apply(AGENDA_PUBLISHED));
        assertThrows(MeetingStatusException.class, () -> MeetingAction.APPROVE_MINUTES.apply(AGENDA_PUBLISHED));
        assertThrows(MeetingStatusException.class, () -> MeetingAction.PUBLISH_AGENDA.apply(CANCELLED));
    }

    @Test
    void itemsAreFrozenOnceMinutesAreApproved() {
        assertDoesNotThrow(() -> MeetingRules.requireItemsChangeable(HELD));
        var conflict = assertThrows(MeetingStatusException.class, () -> MeetingRules.requireItemsChangeable(MINUTES_APPROVED));
        assertEquals(MINUTES_APPROVED, conflict.currentStatus());
    }

    @Test
    void decisionsOnlyOnAHeldMeeting() {
        assertThrows(MeetingStatusException.class, () -> MeetingRules.requireDecisionsAllowed(AGENDA_PUBLISHED));
        assertDoesNotThrow(() -> MeetingRules.requireDecisionsAllowed(HELD));
        assertThrows(MeetingStatusException.class, () -> MeetingRules.requireDecisionsAllowed(MINUTES_APPROVED));
    }

    @Test
    void reorderingOnlyBeforePublication() {
        assertDoesNotThrow(() -> MeetingRules.requireUnpublished("reordering", PLANNED));
        assertThrows(MeetingStatusException.class, () -> MeetingRules.requireUnpublished("reordering", AGENDA_PUBLISHED));
    }
}
