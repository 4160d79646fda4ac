package dk.kdnet.economy.financing;

/** A financing scheme, or the membership it is applied to, breaks a rule; names the offending field. */
public final class InvalidSchemeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSchemeException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
