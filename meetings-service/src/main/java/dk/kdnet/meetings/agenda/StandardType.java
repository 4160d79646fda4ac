package dk.kdnet.meetings.agenda;

/** The recurring items of an agenda; ordinary business items have none. */
public enum StandardType {
    APOLOGIES, APPROVE_AGENDA, APPROVE_MINUTES, AOB, UPCOMING_MEETINGS, ITEMS_FOR_KKR
}
