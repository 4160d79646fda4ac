package dk.kdnet.groups.organization;

public enum OrganizationKind {
    MUNICIPALITY, REGION, ASSOCIATION, OTHER
}
