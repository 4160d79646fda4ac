package dk.kdnet.meetings.document;

/** The two documents of a meeting: the agenda before it, the minutes (agenda with decisions) after it. */
public enum DocumentKind {
    AGENDA("Dagsorden", "dagsorden"), MINUTES("Referat", "referat");

    /** As printed in the title block. */
    public final String label;

    /** Start of the file name. */
    public final String slug;

    DocumentKind(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }
}
