package dk.kdnet.events.groups;

/** The topics groups-service publishes on, one per aggregate. */
public final class GroupsTopics {

    public static final String ORGANIZATIONS = "groups.organizations";
    public static final String PERSONS = "groups.persons";
    public static final String BODIES = "groups.bodies";
    public static final String BODY_MEMBERSHIPS = "groups.body-memberships";
    public static final String COLLABORATIONS = "groups.collaborations";
    public static final String COLLABORATION_MEMBERSHIPS = "groups.collaboration-memberships";

    private GroupsTopics() {}
}
