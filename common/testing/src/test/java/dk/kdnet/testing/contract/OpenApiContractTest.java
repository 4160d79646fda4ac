package dk.kdnet.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator fails when the document is wrong: a field documented as a plain string that answers {@code null}, a
 * missing required field, an undocumented status or content type, an accepted request the document refuses; each
 * violation names the operation, the status, the field and the value. With the right document the same exchanges
 * pass.
 */
class OpenApiContractTest {

    private static final String ID = "3a2f36c7-1028-3fa6-a05f-9b3d96d71139";
    private static final String PATH = "/api/groups/organizations/" + ID;
    private static final String AARHUS = """
            {"id":"%s","kind":"MUNICIPALITY","name":"Aarhus Kommune","cvr":null,"founded":"1970-04-01"}"""
            .formatted(ID);

    /** cvr typed as a plain string, as a document that forgets absent values would say. */
    private static final OpenApiContract WRONG = contract("\"string\"");
    /** cvr a string or null, as the body has it. */
    private static final OpenApiContract RIGHT = contract("[\"string\", \"null\"]");

    @Test
    void aNullWhereTheDocumentSaysStringIsNamedWithOperationFieldAndValue() {
        var violations = WRONG.check(get(PATH, 200, "application/json", AARHUS));

        assertEquals(1, violations.size(), violations.toString());
        var violation = violations.getFirst();
        assertEquals("GET /api/groups/organizations/{id} (getOrganization)", violation.operation());
        assertEquals(200, violation.status());
        assertEquals("response", violation.where());
        assertEquals("/cvr", violation.field());
        assertEquals("null", violation.value());
        assertTrue(violation.toString().startsWith(
                "GET /api/groups/organizations/{id} (getOrganization) -> 200, response field /cvr = null: "),
                violation.toString());

        assertEquals(List.of(), RIGHT.check(get(PATH, 200, "application/json; charset=UTF-8", AARHUS)));
    }

    @Test
    void aMissingRequiredFieldAWrongEnumAndAWrongFormatAreEachNamed() {
        var body = """
                {"id":"%s","kind":"COUNTY","cvr":"29189498","founded":"1 April 1970"}""".formatted(ID);

        var violations = RIGHT.check(get(PATH, 200, "application/json", body));

        assertEquals(List.of("/kind = \"COUNTY\"", "/name = (absent)", "/founded = \"1 April 1970\""),
                violations.stream().map(v -> v.field() + " = " + v.value()).sorted(OpenApiContractTest::byField)
                        .toList(), violations.toString());
    }

    @Test
    void anUndocumentedStatusOrContentTypeIsAViolation() {
        var status = RIGHT.check(get(PATH, 500, "application/problem+json", "{\"type\":\"x\",\"status\":500}"));
        assertEquals(1, status.size(), status.toString());
        assertEquals("", status.getFirst().field());
        assertEquals("500", status.getFirst().value());
        assertTrue(status.getFirst().message().startsWith("status not documented"), status.toString());

        var html = RIGHT.check(get(PATH, 200, "text/html", "<html>Aarhus</html>"));
        assertEquals(1, html.size(), html.toString());
        assertEquals("text/html", html.getFirst().value());

        var notJson = RIGHT.check(get(PATH, 200, "application/json", "Aarhus"));
        assertEquals(1, notJson.size(), notJson.toString());
        assertTrue(notJson.getFirst().message().startsWith("not JSON"), notJson.toString());

        var bodyWhereNone = RIGHT.check(get(PATH, 304, "application/json", AARHUS));
        assertEquals(1, bodyWhereNone.size(), bodyWhereNone.toString());
    }

    @Test
    void aProblemIsCheckedAgainstItsSchemaAndAnOperationsOtherMediaTypesOnlyByContentType() {
        assertEquals(List.of(), RIGHT.check(get(PATH, 404, "application/problem+json",
                "{\"type\":\"https://kdnet.dk/problems/not-found\",\"status\":404}")));
        var problem = RIGHT.check(get(PATH, 404, "application/problem+json", "{\"type\":\"x\",\"status\":\"404\"}"));
        assertEquals(List.of("/status"), problem.stream().map(Violation::field).toList());

        var pdf = new String(new byte[] {'%', 'P', 'D', 'F', '-', 1, 2}, StandardCharsets.ISO_8859_1);
        assertEquals(List.of(), RIGHT.check(get(PATH + "/letter.pdf", 200, "application/pdf", pdf)));
        assertEquals(1, RIGHT.check(get(PATH + "/letter.pdf", 200, "application/octet-stream", pdf)).size());
    }

    @Test
    void theTemplateWithMoreFixedTextWinsAndUnknownPathsAreViolationsUnlessAnswered404() {
        var search = RIGHT.check(get("/api/groups/organizations/search", 200, "application/json", "[" + AARHUS + "]"));
        assertEquals(List.of(), search);
        var wrongSearch = WRONG.check(get("/api/groups/organizations/search", 200, "application/json",
                "[" + AARHUS + "]"));
        assertEquals(List.of("GET /api/groups/organizations/search (searchOrganizations) /0/cvr"),
                wrongSearch.stream().map(v -> v.operation() + " " + v.field()).toList());

        var unknown = RIGHT.check(get("/api/groups/organisations", 200, "application/json", "[]"));
        assertEquals(List.of("GET /api/groups/organisations"), unknown.stream().map(Violation::operation).toList());
        assertEquals(List.of(), RIGHT.check(get("/api/groups/organisations", 404, "application/problem+json",
                "{\"type\":\"x\",\"status\":404}")));
        assertEquals(1, RIGHT.check(get("/api/", 200, "application/json", "{}")).size());
        assertEquals(List.of(), RIGHT.check(get("/health", 200, "text/plain", "UP")), "not an operation of the API");
    }

    @Test
    void anAcceptedRequestMustConformButARefusedOneNeedNot() {
        var bad = "{\"kind\":\"MUNICIPALITY\",\"name\":\"\"}";

        var accepted = RIGHT.check(put(bad, 200, AARHUS));
        assertEquals(1, accepted.size(), accepted.toString());
        assertEquals("request", accepted.getFirst().where());
        assertEquals("/name", accepted.getFirst().field());
        assertEquals("\"\"", accepted.getFirst().value());
        assertTrue(accepted.getFirst().operation().endsWith("(updateOrganization)"), accepted.toString());

        assertEquals(List.of(), RIGHT.check(put(bad, 400, "{\"type\":\"https://kdnet.dk/problems/validation\","
                + "\"status\":400}")));
        assertEquals(List.of(), RIGHT.check(put("{\"kind\":\"MUNICIPALITY\",\"name\":\"Aarhus Kommune\"}", 200,
                AARHUS)));
    }

    @Test
    void aFailureResponseWithoutProblemContentIsNamedAndOneThroughASharedResponseIsNot() {
        assertEquals(List.of(), RIGHT.failuresWithoutProblemContent(), "404 via components/responses, 4XX inline");

        var bare = OpenApiContract.of(document("\"string\"").replace(
                "{\"$ref\": \"#/components/responses/NotFound\"}", "{\"description\": \"No such organization\"}"));
        assertEquals(List.of("get /api/groups/organizations/{id} 404"), bare.failuresWithoutProblemContent());
    }

    private static Exchange get(String path, int status, String contentType, String body) {
        return new Exchange("GET", path, null, null, status, contentType, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Exchange put(String request, int status, String response) {
        return new Exchange("PUT", PATH, "application/json", request, status,
                status == 200 ? "application/json" : "application/problem+json",
                response.getBytes(StandardCharsets.UTF_8));
    }

    private static int byField(String a, String b) {
        var order = List.of("/kind", "/name", "/founded");
        return Integer.compare(order.indexOf(a.split(" ")[0]), order.indexOf(b.split(" ")[0]));
    }

    static OpenApiContract contract(String cvrType) {
        return OpenApiContract.of(document(cvrType));
    }

    private static String document(String cvrType) {
        try (var in = OpenApiContractTest.class.getResourceAsStream("/contract/organizations.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"CVR_TYPE\"", cvrType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
