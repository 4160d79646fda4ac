package dk.kdnet.groups.body;

import java.util.Optional;
import java.util.UUID;

/**
 * The people who take seats, as bodies need them. People are listed with their seats (package person), so they
 * answer this rather than bodies reaching into them.
 */
public interface People {

    /** The person's name ("erased person" once erased), or empty when there is no such person. */
    Optional<String> nameOf(UUID personId);
}
