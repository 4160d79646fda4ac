package dk.kdnet.meetings;

import dk.kdnet.meetings.access.Visibility;

/** A caller with the 'member' role, until tokens exist (issue 8): install with QuarkusMock for one test. */
public class MemberVisibility extends Visibility {

    @Override
    public boolean seesConfidential() {
        return true;
    }
}
