package dk.kdnet.meetings.attachment;

/** ESDH: a reference to a document in the case management system; FILE: uploaded and stored here. */
public enum AttachmentKind {
    ESDH, FILE
}
