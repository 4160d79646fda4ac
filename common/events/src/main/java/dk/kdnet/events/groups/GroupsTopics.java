package dk.kdnet.events.groups;

/** The topics groups-service publishes on. */
public final class GroupsTopics {

    public static final String ORGANIZATIONS = "groups.organizations";

    private GroupsTopics() {}
}
