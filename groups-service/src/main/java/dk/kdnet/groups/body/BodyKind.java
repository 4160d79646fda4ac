package dk.kdnet.groups.body;

public enum BodyKind {
    /** KD-Net itself. */
    NETWORK, STEERING_GROUP, WORKING_GROUP, BOARD, COMMITTEE, OTHER
}
