package dk.kdnet.meetings.access;

import dk.kdnet.problems.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The one place in meetings-service that decides what the caller may see: members of a body and the
 * secretariat see closed (confidential) items and agendas not yet published; anyone else sees
 * published, open items only.
 */
@RequestScoped
public class Visibility {

    @Inject
    Caller caller;

    public boolean seesConfidential() {
        return caller.seesInternal();
    }
}
