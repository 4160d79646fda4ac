package dk.kdnet.meetings.meeting;

/** A meeting takes place at a PLACE (a named venue) or ONLINE (on a named platform). */
public enum LocationKind {
    PLACE, ONLINE
}
