package dk.kdnet.groups.docs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.groups.BodyChanged;
import dk.kdnet.events.groups.BodyMembershipEnded;
import dk.kdnet.events.groups.BodyMembershipStarted;
import dk.kdnet.events.groups.BodyRegistered;
import dk.kdnet.events.groups.CollaborationMemberJoined;
import dk.kdnet.events.groups.CollaborationMemberWithdrew;
import dk.kdnet.events.groups.CollaborationRegistered;
import dk.kdnet.events.groups.CollaborationTermsChanged;
import dk.kdnet.events.groups.CollaborationWithdrawalRevoked;
import dk.kdnet.events.groups.GroupsTopics;
import dk.kdnet.events.groups.OrganizationChanged;
import dk.kdnet.events.groups.OrganizationRegistered;
import dk.kdnet.events.groups.PersonErased;
import dk.kdnet.events.groups.PopulationRecorded;
import dk.kdnet.events.meetings.DecisionRecorded;
import dk.kdnet.events.meetings.MeetingsTopics;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class ApiDocumentsTest extends AsSecretariat {

    @Test
    void theAsyncApiDocumentNamesEveryTopicAndEventTypeGroupsServicePublishesOrConsumes() {
        var document = given().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        for (var name : List.of(GroupsTopics.ORGANIZATIONS, GroupsTopics.PERSONS, GroupsTopics.BODIES,
                GroupsTopics.BODY_MEMBERSHIPS, GroupsTopics.COLLABORATIONS, GroupsTopics.COLLABORATION_MEMBERSHIPS,
                OrganizationRegistered.TYPE, OrganizationChanged.TYPE, PopulationRecorded.TYPE, PersonErased.TYPE,
                BodyRegistered.TYPE, BodyChanged.TYPE, BodyMembershipStarted.TYPE, BodyMembershipEnded.TYPE,
                CollaborationRegistered.TYPE, CollaborationTermsChanged.TYPE, CollaborationMemberJoined.TYPE,
                CollaborationMemberWithdrew.TYPE, CollaborationWithdrawalRevoked.TYPE, MeetingsTopics.DECISIONS,
                DecisionRecorded.TYPE, "groups.dead-letter", "dead-letter-reason")) {
            assertTrue(document.contains(name), "asyncapi.yaml names " + name);
        }
    }

    @Test
    void theOpenApiDocumentHasTheGroupsOperationsWithSummaries() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        for (var path : List.of("/api/groups/collaborations/{id}/members/{organizationId}/withdrawal",
                "/api/groups/collaborations/{id}/members/{organizationId}/withdrawal/revocation",
                "/api/groups/bodies/{id}/members/{membershipId}/role-change", "/api/groups/persons/{id}/erasure",
                "/api/groups/secretariats/{id}/staff", "/api/groups/bodies/{id}/history")) {
            assertTrue(document.contains("\"" + path + "\""), "OpenAPI has " + path);
        }
        assertTrue(document.contains("application/problem+json"));
    }
}
