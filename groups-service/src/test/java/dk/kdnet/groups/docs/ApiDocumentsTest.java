package dk.kdnet.groups.docs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dk.kdnet.testing.contract.OpenApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void everyFailureResponseOfEveryOperationIsDocumentedAsAProblem() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertEquals(List.of(), OpenApiContract.of(document).failuresWithoutProblemContent());
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

    @Test
    void aPropertyOutsideRequiredMayBeNullAndARequiredOneNeverIs() throws Exception {
        var document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        assertEquals("3.1.0", document.path("openapi").asText());
        var schemas = document.at("/components/schemas");
        var checked = 0;
        for (var schema : schemas.properties()) {
            var required = new HashSet<String>();
            schema.getValue().path("required").forEach(name -> required.add(name.asText()));
            for (var property : schema.getValue().path("properties").properties()) {
                var name = schema.getKey() + "." + property.getKey();
                assertEquals(!required.contains(property.getKey()), admitsNull(property.getValue()), name);
                checked++;
            }
        }
        assertTrue(checked > 200, checked + " properties");
        var organization = schemas.path("Organization");
        assertEquals(Set.of("id", "kind", "name", "version"), names(organization.path("required")));
        assertEquals("[\"string\",\"null\"]", organization.at("/properties/cvr/type").toString());
        assertEquals("[\"MUNICIPALITY\"]",
                schemas.at("/OrganizationRequest/allOf/0/if/properties/kind/enum").toString());
        assertEquals("[\"municipalityCode\"]", schemas.at("/OrganizationRequest/allOf/0/then/required").toString());
        assertEquals("required when kind is MUNICIPALITY",
                schemas.at("/OrganizationRequest/properties/municipalityCode/description").asText());
    }

    @Test
    void everyQueryParameterHasADescriptionAndAnExampleAndListsSayHowTheySort() throws Exception {
        var document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        var parameters = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("in").asText().equals("query")) {
                        var name = operation.getKey() + " " + path.getKey() + " ?" + parameter.path("name").asText();
                        assertFalse(parameter.path("description").asText().isBlank(), name + " has a description");
                        assertTrue(parameter.has("example") || parameter.has("examples"), name + " has an example");
                        parameters++;
                    }
                }
            }
        }
        assertTrue(parameters >= 15, parameters + " query parameters");
        var list = document.at("/paths/~1api~1groups~1organizations/get/parameters");
        var sort = java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .filter(p -> p.path("name").asText().equals("sort")).findFirst().orElseThrow();
        assertEquals(Set.of("name", "-name", "municipalityCode", "-municipalityCode"), names(sort.at("/schema/enum")));
        assertEquals("name", sort.at("/schema/default").asText());
    }

    private static boolean admitsNull(JsonNode schema) {
        if (schema.path("type").isArray()) {
            return names(schema.path("type")).contains("null");
        }
        if (schema.has("type")) {
            return schema.path("type").asText().equals("null");
        }
        if (schema.has("$ref")) {
            return false;
        }
        for (var alternatives : List.of("anyOf", "oneOf")) {
            for (var alternative : schema.path(alternatives)) {
                if (admitsNull(alternative)) {
                    return true;
                }
            }
        }
        return !schema.has("anyOf") && !schema.has("oneOf") && !schema.has("allOf");
    }

    private static Set<String> names(JsonNode array) {
        var names = new HashSet<String>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    @Test
    void everyOperationHasAnIdASummaryAndASuccessResponseWithASchema() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        var ids = new HashSet<String>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            var name = method + " " + path;
            assertTrue(operation.get("operationId") instanceof String id && ids.add(id), name + " has a unique id");
            assertTrue(operation.get("summary") instanceof String, name + " has a summary");
            @SuppressWarnings("unchecked")
            var responses = (Map<String, Map<String, Object>>) operation.get("responses");
            var success = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst();
            assertTrue(success.isPresent() && success.get().getValue().get("content") != null,
                    name + " documents a success response with a body");
        }));
        assertEquals("OrganizationResource_register", paths.get("/api/groups/organizations").get("post")
                .get("operationId"));
    }
}
