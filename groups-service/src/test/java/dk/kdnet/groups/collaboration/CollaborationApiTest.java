package dk.kdnet.groups.collaboration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.ReferenceIds;
import dk.kdnet.testing.AsSecretariat;
import dk.kdnet.testing.KafkaEvents;
import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class CollaborationApiTest extends AsSecretariat {

    private static final String COLLABORATIONS = "/api/groups/collaborations";
    private static final UUID GOVTECH = ReferenceIds.collaboration("govtech-midtjylland");
    private static final UUID HEDENSTED = ReferenceIds.organization("hedensted");
    private static final UUID AARHUS = ReferenceIds.organization("aarhus");
    private static final UUID RANDERS = ReferenceIds.organization("randers");
    private static final String AUGUST_TERMS = """
            {"version":"2023-08-25","validFrom":"2023-08-25","noticeMonths":12,"noticeCountedFrom":"MONTH_OF_NOTICE",
             "budgetMode":"VARIABLE","transitionalRules":[{"noticeOnOrBefore":"2023-08-25","effective":"2024-01-01"}]}""";
    private static final String JUNE_DRAFT = """
            {"version":"2023-06-02-draft","validFrom":"2023-06-02","noticeMonths":12,"noticeCountedFrom":"YEAR_OF_NOTICE",
             "budgetMode":"VARIABLE","transitionalRules":[{"noticeOnOrBefore":"2023-08-25","effective":"2024-01-01"}]}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void govTechHasSeventeenMembersUntilHedenstedLeavesOnNewYear2024() {
        given().get(COLLABORATIONS + "/" + GOVTECH + "/members?on=2023-12-31").then().statusCode(200)
                .body("$", hasSize(17))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.status", equalTo("NOTICE_GIVEN"))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.organizationName", equalTo("Hedensted Kommune"))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.noticeGivenOn", equalTo("2023-08-25"))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.effectiveExit", equalTo("2024-01-01"))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.termsVersion", equalTo("2023-08-25"))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.withdrawalDecision.decisionId",
                        equalTo(ReferenceIds.decision("kdnet-2023-08-25-57").toString()))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.withdrawalDecision.meetingId",
                        equalTo(ReferenceIds.meeting("kdnet-2023-08-25").toString()))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.withdrawalDecision.agendaItemId",
                        equalTo(ReferenceIds.agendaItem("kdnet-2023-08-25-57").toString()))
                .body("find { it.organizationId == '" + HEDENSTED + "' }.withdrawalDecision.itemNumber", equalTo(57))
                .body("find { it.organizationId == '" + AARHUS + "' }.status", equalTo("ACTIVE"));
        given().get(COLLABORATIONS + "/" + GOVTECH + "/members?on=2024-01-01").then().statusCode(200)
                .body("$", hasSize(16))
                .body("organizationId", not(hasItem(HEDENSTED.toString())))
                .body("organizationId", not(hasItem(ReferenceIds.organization("viborg").toString())))
                .body("organizationId", hasItem(ReferenceIds.organization("region-midtjylland").toString()));
        given().get(COLLABORATIONS + "/" + GOVTECH + "/members?on=2020-12-31").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aMembershipsETagNamesTheDateOfItsStatusSoTheStatusAtTheExitIsNeverNotModified() {
        var hedensted = COLLABORATIONS + "/" + GOVTECH + "/members/" + HEDENSTED;
        var lastDay = given().get(hedensted + "?on=2023-12-31").then().statusCode(200)
                .body("status", equalTo("NOTICE_GIVEN")).extract();
        var etag = lastDay.header("ETag");
        assertEquals("\"" + lastDay.path("version") + "-2023-12-31\"", etag);
        given().header("If-None-Match", etag).get(hedensted + "?on=2023-12-31").then().statusCode(304);
        given().header("If-None-Match", etag).get(hedensted + "?on=2024-01-01").then().statusCode(200)
                .body("status", equalTo("EXITED"))
                .header("ETag", equalTo("\"" + lastDay.path("version") + "-2024-01-01\""));
    }

    @Test
    void govTechTermsInForceOnTheNoticeDate() {
        given().get(COLLABORATIONS + "/" + GOVTECH + "/terms").then().statusCode(200)
                .body("version", contains("2023-06-02-draft", "2023-08-25"))
                .body("[1].decision.itemNumber", equalTo(57))
                .body("[1].transitionalRules[0].noticeOnOrBefore", equalTo("2023-08-25"))
                .body("[1].transitionalRules[0].effective", equalTo("2024-01-01"))
                .body("[0].decision", nullValue());
        given().get(COLLABORATIONS + "/" + GOVTECH + "/terms/in-force?on=2023-08-24").then().statusCode(200)
                .body("version", equalTo("2023-06-02-draft")).body("noticeCountedFrom", equalTo("YEAR_OF_NOTICE"));
        given().get(COLLABORATIONS + "/" + GOVTECH + "/terms/in-force?on=2024-03-05").then().statusCode(200)
                .body("version", equalTo("2023-08-25")).body("noticeMonths", equalTo(12));
        given().get(COLLABORATIONS + "/" + GOVTECH + "/terms/in-force?on=2023-01-01").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"));
    }

    @Test
    void noticeInMarch2024ExitsFirstAprilNextYearAndIsPublished() throws Exception {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        given().contentType("application/json").body("""
                {"noticeGiven":"2024-03-05","reason":"in writing to the secretariat"}""")
                .post(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/withdrawal").then().statusCode(200)
                .body("noticeGivenOn", equalTo("2024-03-05")).body("effectiveExit", equalTo("2025-04-01"))
                .body("status", equalTo("NOTICE_GIVEN")).body("termsVersion", equalTo("2023-08-25"))
                .body("reason", equalTo("in writing to the secretariat")).body("withdrawalDecision", nullValue());

        given().get(COLLABORATIONS + "/" + id + "/members?on=2025-03-31").then()
                .body("find { it.organizationId == '" + AARHUS + "' }.status", equalTo("NOTICE_GIVEN"));
        given().get(COLLABORATIONS + "/" + id + "/members?on=2025-04-01").then().body("$", hasSize(0));
        given().get(COLLABORATIONS + "/" + id + "/members").then()
                .body("[0].effectiveExit", equalTo("2025-04-01"));

        var data = event(id, "dk.kdnet.groups.collaboration-member-withdrew.v1", AARHUS);
        assertEquals("2024-03-05", data.get("noticeGiven").asText());
        assertEquals("2025-04-01", data.get("effectiveExit").asText());
        assertEquals("2023-08-25", data.get("termsVersion").asText());
        assertEquals(given().get(COLLABORATIONS + "/" + id + "/terms/in-force?on=2024-03-05").then().extract()
                .path("id").toString(), data.get("termsId").asText());
        assertTrue(data.get("decision").isNull());
    }

    @Test
    void theJuneDraftKeepsAMarchNoticeUntilNewYear2026AndTheAugustVersionAppliesOnlyToLaterNotices() {
        var id = collaborationWithTerms(JUNE_DRAFT);
        join(id, AARHUS, "2021-01-01");
        join(id, RANDERS, "2021-01-01");
        withdraw(id, AARHUS, "2024-03-05").then().statusCode(200)
                .body("effectiveExit", equalTo("2026-01-01")).body("termsVersion", equalTo("2023-06-02-draft"));
        given().contentType("application/json").body(AUGUST_TERMS.replace("2023-08-25\",\"noticeMonths",
                "2024-01-01\",\"noticeMonths")).post(COLLABORATIONS + "/" + id + "/terms").then().statusCode(201);
        withdraw(id, RANDERS, "2024-03-05").then().statusCode(200)
                .body("effectiveExit", equalTo("2025-04-01")).body("termsVersion", equalTo("2023-08-25"));
        given().get(COLLABORATIONS + "/" + id + "/members/" + AARHUS).then().body("effectiveExit", equalTo("2026-01-01"));
    }

    @Test
    void joiningIsPublishedWithItsDecision() throws Exception {
        var id = collaborationWithTerms(AUGUST_TERMS);
        var decisionId = UUID.randomUUID();
        given().contentType("application/json").body("""
                {"organizationId":"%s","joinedOn":"2024-03-13","decisionId":"%s","itemNumber":12}"""
                .formatted(RANDERS, decisionId))
                .post(COLLABORATIONS + "/" + id + "/members").then().statusCode(201)
                .header("Location", containsString("/members/" + RANDERS))
                .body("joinedOn", equalTo("2024-03-13")).body("status", equalTo("ACTIVE"))
                .body("joinDecision.decisionId", equalTo(decisionId.toString()))
                .body("organizationName", equalTo("Randers Kommune"));
        given().get(COLLABORATIONS + "/" + id + "/members?on=2024-03-12").then().body("$", hasSize(0));
        given().get(COLLABORATIONS + "/" + id + "/members/" + RANDERS + "?on=2024-03-12").then()
                .body("status", equalTo("PENDING"));

        var data = event(id, "dk.kdnet.groups.collaboration-member-joined.v1", RANDERS);
        assertEquals("2024-03-13", data.get("joinedOn").asText());
        assertEquals(decisionId.toString(), data.get("decision").get("decisionId").asText());
        assertEquals(12, data.get("decision").get("itemNumber").asInt());
    }

    @Test
    void theSameDecisionAppliedTwiceRecordsOneWithdrawalAndPublishesOnce() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        var decision = UUID.randomUUID();
        var body = """
                {"noticeGiven":"2023-08-25","decisionId":"%s","meetingId":"%s","itemNumber":57}"""
                .formatted(decision, UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body(body)
                    .post(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/withdrawal").then().statusCode(200)
                    .body("effectiveExit", equalTo("2024-01-01"))
                    .body("withdrawalDecision.decisionId", equalTo(decision.toString()));
        }
        var events = KafkaEvents.all(bootstrap, "groups.collaboration-memberships",
                r -> id.toString().equals(r.key())
                        && "dk.kdnet.groups.collaboration-member-withdrew.v1".equals(KafkaEvents.header(r, "ce_type")),
                Duration.ofSeconds(5));
        assertEquals(1, events.size());
        given().get(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/history").then().statusCode(200)
                .body("change", contains("ADD", "MOD"))
                .body("[1].state.noticeGivenOn", equalTo("2023-08-25"));
    }

    @Test
    void withdrawingTwiceIsAConflict() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        withdraw(id, AARHUS, "2024-03-05").then().statusCode(200);
        withdraw(id, AARHUS, "2024-04-01").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kdnet.dk/problems/conflict"))
                .body("detail", containsString("2025-04-01"));
        given().get(COLLABORATIONS + "/" + id + "/members/" + AARHUS).then().body("noticeGivenOn", equalTo("2024-03-05"));
    }

    @Test
    void aRevokedNoticeLeavesTheMemberActiveAndIsPublished() throws Exception {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        withdraw(id, AARHUS, "2024-03-05").then().statusCode(200);
        given().contentType("application/json").body("""
                {"revokedOn":"2024-06-01"}""")
                .post(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/withdrawal/revocation").then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("noticeGivenOn", nullValue())
                .body("effectiveExit", nullValue());
        given().get(COLLABORATIONS + "/" + id + "/members?on=2026-01-01").then().body("$", hasSize(1));

        var data = event(id, "dk.kdnet.groups.collaboration-withdrawal-revoked.v1", AARHUS);
        assertEquals("2024-06-01", data.get("revokedOn").asText());
        assertEquals("2025-04-01", data.get("cancelledExit").asText());

        given().contentType("application/json").body("{}")
                .post(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/withdrawal/revocation").then()
                .statusCode(409).body("type", equalTo("https://kdnet.dk/problems/conflict"));
        withdraw(id, AARHUS, "2024-07-10").then().statusCode(200).body("effectiveExit", equalTo("2025-08-01"));
    }

    @Test
    void aWithdrawalThatTookEffectCannotBeRevoked() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        withdraw(id, AARHUS, "2023-08-25").then().statusCode(200).body("effectiveExit", equalTo("2024-01-01"));
        given().contentType("application/json").body("""
                {"revokedOn":"2024-01-01"}""")
                .post(COLLABORATIONS + "/" + id + "/members/" + AARHUS + "/withdrawal/revocation").then()
                .statusCode(422).body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("revokedOn"));
    }

    @Test
    void noticeBeforeJoiningOrFromANonMemberBreaksARule() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2024-03-13");
        withdraw(id, AARHUS, "2024-03-12").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("noticeGiven"));
        withdraw(id, RANDERS, "2024-03-12").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void noticeWithNoTermsInForceBreaksARule() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        withdraw(id, AARHUS, "2022-05-01").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("detail", containsString("no membership terms in force on 2022-05-01"));
    }

    @Test
    void joiningTwiceIsAConflictAndAnUnknownOrganizationBreaksARule() {
        var id = collaborationWithTerms(AUGUST_TERMS);
        join(id, AARHUS, "2021-01-01");
        given().contentType("application/json").body("""
                {"organizationId":"%s","joinedOn":"2024-01-01"}""".formatted(AARHUS))
                .post(COLLABORATIONS + "/" + id + "/members").then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));
        given().contentType("application/json").body("""
                {"organizationId":"%s","joinedOn":"2024-01-01"}""".formatted(UUID.randomUUID()))
                .post(COLLABORATIONS + "/" + id + "/members").then().statusCode(422)
                .body("type", equalTo("https://kdnet.dk/problems/rule-violation"))
                .body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void invalidRequestsAreValidationProblemsAndUnknownCollaborationsAreNotFound() {
        given().contentType("application/json").body("{}")
                .post(COLLABORATIONS + "/" + GOVTECH + "/members/" + AARHUS + "/withdrawal").then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"))
                .body("errors.field", hasItem("noticeGiven"));
        given().contentType("application/json").body("""
                {"version":"x","validFrom":"2024-01-01","noticeMonths":-1,"noticeCountedFrom":"WEEK","budgetMode":"VARIABLE"}""")
                .post(COLLABORATIONS + "/" + GOVTECH + "/terms").then().statusCode(400)
                .body("type", equalTo("https://kdnet.dk/problems/validation"));
        var unknown = UUID.randomUUID();
        withdraw(unknown, AARHUS, "2024-03-05").then().statusCode(404)
                .body("type", equalTo("https://kdnet.dk/problems/not-found"))
                .body("detail", containsString(unknown.toString()));
        given().get(COLLABORATIONS + "/" + unknown + "/members?on=2024-01-01").then().statusCode(404);
    }

    @Test
    void aSecondTermsVersionWithTheSameValidFromIsAConflict() throws Exception {
        var id = collaborationWithTerms(AUGUST_TERMS);
        given().contentType("application/json").body(AUGUST_TERMS.replace("\"2023-08-25\",\"validFrom", "\"v2\",\"validFrom"))
                .post(COLLABORATIONS + "/" + id + "/terms").then().statusCode(409)
                .body("type", equalTo("https://kdnet.dk/problems/conflict"));
        var data = event(id, "dk.kdnet.groups.collaboration-terms-changed.v1", null);
        assertEquals("2023-08-25", data.get("validFrom").asText());
        given().get(COLLABORATIONS + "/" + id + "/terms/" + data.get("termsId").asText() + "/history").then()
                .statusCode(200).body("change", contains("ADD")).body("[0].state.noticeMonths", equalTo(12));
        given().get(COLLABORATIONS + "/" + GOVTECH + "/terms/" + data.get("termsId").asText() + "/history").then()
                .statusCode(404);
        assertEquals(12, data.get("noticeMonths").asInt());
        assertEquals("VARIABLE", data.get("budgetMode").asText());
    }

    @Test
    void registeringIsPublishedAndAudited() throws Exception {
        var id = collaborationWithTerms(AUGUST_TERMS);
        var record = KafkaEvents.await(bootstrap, "groups.collaborations", r -> id.toString().equals(r.key())
                && "dk.kdnet.groups.collaboration-registered.v1".equals(KafkaEvents.header(r, "ce_type")));
        var data = json.readTree(record.value());
        assertEquals(AARHUS.toString(), data.get("hostOrganizationId").asText());
        assertTrue(data.get("name").asText().startsWith("Test collaboration"));
        given().get(COLLABORATIONS + "/" + id + "/history").then().statusCode(200)
                .body("change", contains("ADD")).body("[0].state.hostOrganizationId", equalTo(AARHUS.toString()));
    }

    private UUID collaborationWithTerms(String terms) {
        var id = given().contentType("application/json").body("""
                {"name":"Test collaboration %s","hostOrganizationId":"%s","validFrom":"2021-01-01"}"""
                .formatted(UUID.randomUUID(), AARHUS))
                .post(COLLABORATIONS).then().statusCode(201).extract().path("id").toString();
        given().contentType("application/json").body(terms).post(COLLABORATIONS + "/" + id + "/terms").then()
                .statusCode(201);
        return UUID.fromString(id);
    }

    private void join(UUID collaboration, UUID organization, String on) {
        given().contentType("application/json").body("""
                {"organizationId":"%s","joinedOn":"%s"}""".formatted(organization, on))
                .post(COLLABORATIONS + "/" + collaboration + "/members").then().statusCode(201);
    }

    private io.restassured.response.Response withdraw(UUID collaboration, UUID organization, String noticeGiven) {
        return given().contentType("application/json").body("""
                {"noticeGiven":"%s"}""".formatted(noticeGiven))
                .post(COLLABORATIONS + "/" + collaboration + "/members/" + organization + "/withdrawal");
    }

    /** The payload of the event of that type keyed by the collaboration (and about the organization). */
    private JsonNode event(UUID collaboration, String type, UUID organization) throws Exception {
        var topic = type.contains("member") || type.contains("withdrawal") ? "groups.collaboration-memberships"
                : "groups.collaborations";
        var record = KafkaEvents.await(bootstrap, topic, r -> collaboration.toString().equals(r.key())
                && type.equals(KafkaEvents.header(r, "ce_type"))
                && (organization == null || r.value().contains(organization.toString())));
        var data = json.readTree(record.value());
        assertEquals(collaboration.toString(), data.get("collaborationId").asText());
        if (organization != null) {
            assertEquals(organization.toString(), data.get("organizationId").asText());
        }
        return data;
    }
}
