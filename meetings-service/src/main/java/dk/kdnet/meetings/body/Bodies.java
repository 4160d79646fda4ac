package dk.kdnet.meetings.body;

import dk.kdnet.problems.ProblemException.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Bodies as meetings-service knows them from groups-service's events. */
@ApplicationScoped
public class Bodies {

    public Body get(UUID id) {
        return Body.<Body>findByIdOptional(id).orElseThrow(() -> new NotFound("body", id));
    }

    /** The name documents and calendars print: the short name ("KD-Net"), else the full one. */
    public Optional<String> displayName(UUID id) {
        return Body.<Body>findByIdOptional(id).map(b -> b.shortName != null ? b.shortName : b.name);
    }
}
