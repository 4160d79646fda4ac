package dk.kdnet.groups.body;

public enum BodyRole {
    CHAIR, VICE_CHAIR, MEMBER, OBSERVER, SECRETARY
}
