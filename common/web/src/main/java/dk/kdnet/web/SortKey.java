package dk.kdnet.web;

import dk.kdnet.problems.ProblemException;
import java.util.List;

/**
 * A list's {@code sort} parameter: one of the keys the list offers, with {@code -} in front for descending
 * ({@code name}, {@code -name}). Anything else is a 400 naming the keys, so a typo never sorts silently by
 * something else.
 *
 * @param key the key without its sign
 */
public record SortKey(String key, boolean descending) {

    public static final String DESCRIPTION = "Order of the list: one of the values, - in front for descending";

    /**
     * @param value the parameter as sent, null or blank for the list's default
     * @param keys the keys the list offers; each may be sent with or without {@code -}
     * @param byDefault the order without a parameter, e.g. {@code -amount}
     */
    public static SortKey parse(String value, List<String> keys, String byDefault) {
        var sort = value == null || value.isBlank() ? byDefault : value.trim();
        var descending = sort.startsWith("-");
        var key = descending ? sort.substring(1) : sort;
        if (!keys.contains(key)) {
            throw new ProblemException.BadRequest("sort", "must be one of " + String.join(", ", keys)
                    + ", each with - in front for descending; was " + sort);
        }
        return new SortKey(key, descending);
    }

    /** The order as JPQL, e.g. {@code name desc}, for the expression the key stands for. */
    public String jpql(String expression) {
        return expression + (descending ? " desc" : " asc");
    }
}
