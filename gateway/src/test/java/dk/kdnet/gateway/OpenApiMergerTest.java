package dk.kdnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void mergesPathsSchemasAndTagsAndNamesWhatIsMissing() throws Exception {
        var documents = new LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        documents.put("groups", json.readTree("""
                {"paths":{"/api/groups/organizations":{"get":{}},"/q/health":{"get":{}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Organization":{"type":"object"}}},
                 "tags":[{"name":"Organizations"}]}"""));
        documents.put("economy", json.readTree("""
                {"paths":{"/api/economy/charges":{"get":{}}},
                 "components":{"schemas":{"Problem":{"type":"object"},"Charge":{"type":"object"}}},
                 "tags":[{"name":"Charges"},{"name":"Organizations"}]}"""));

        var merged = OpenApiMerger.merge(documents, List.of("meetings"));

        assertEquals(List.of("/api/economy/charges", "/api/groups/organizations", "/api/stream"),
                iterable(merged.get("paths").fieldNames()));
        assertEquals(List.of("Problem", "Charge", "Organization"),
                iterable(merged.at("/components/schemas").fieldNames()));
        assertEquals(List.of("Charges", "Organizations", "Live stream"), merged.get("tags").findValuesAsText("name"));
        assertEquals("meetings", merged.at("/x-unavailable-services/0").asText());
        assertTrue(merged.get("openapi").asText().startsWith("3."));
        assertEquals("[{},{\"bearer\":[]}]", merged.get("security").toString(),
                "anonymous or bearer by default; operations that need a role say so");
    }

    @Test
    void everyOperationDocumentsTheProblemsTheGatewayAnswersWithRetryAfterOnA429And503() throws Exception {
        var documents = new LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        documents.put("groups", json.readTree("""
                {"paths":{"/api/groups/organizations":{"get":{"responses":{"200":{"description":"OK"}}},
                                                       "post":{"requestBody":{"content":{}},
                                                               "responses":{"503":{"description":"own"}}},
                                                       "parameters":[]}},
                 "components":{"responses":{"NotFound":{"description":"Not found"}}}}"""));

        var merged = OpenApiMerger.merge(documents, List.of());

        var get = merged.at("/paths/~1api~1groups~1organizations/get/responses");
        assertEquals("OK", get.at("/200/description").asText());
        for (var status : List.of("429", "502", "503", "504")) {
            var ref = get.at("/" + status + "/$ref").asText();
            assertTrue(ref.startsWith("#/components/responses/"), status + " refers to a shared response: " + ref);
            var response = merged.at("/components/responses/" + ref.substring("#/components/responses/".length()));
            assertEquals("#/components/schemas/Problem",
                    response.at("/content/application~1problem+json/schema/$ref").asText(), status);
            assertEquals(Integer.parseInt(status), response.at("/content/application~1problem+json/example/status")
                    .asInt(), status);
            assertEquals(status.equals("429") || status.equals("503"), response.at("/headers/Retry-After/required")
                    .asBoolean(), status + ": Retry-After");
        }
        assertEquals("own", merged.at("/paths/~1api~1groups~1organizations/post/responses/503/description").asText(),
                "an operation's own response is kept");
        assertEquals("#/components/responses/TooManyRequests",
                merged.at("/paths/~1api~1groups~1organizations/post/responses/429/$ref").asText());
        assertEquals("#/components/responses/PayloadTooLarge",
                merged.at("/paths/~1api~1groups~1organizations/post/responses/413/$ref").asText(),
                "an operation that takes a body may meet the gateway's body limit");
        assertEquals(413, merged.at("/components/responses/PayloadTooLarge/content/application~1problem+json/example"
                + "/status").asInt());
        assertTrue(get.at("/413").isMissingNode(), "a GET takes no body");
        assertTrue(merged.at("/paths/~1api~1groups~1organizations/parameters").isArray(),
                "path-level fields are not operations");
        assertEquals("Not found", merged.at("/components/responses/NotFound/description").asText(),
                "the services' shared responses stay");
    }

    @Test
    void theLiveStreamIsTheGatewaysOwnOperationWithItsFiltersAndItsLimit() throws Exception {
        var merged = OpenApiMerger.merge(Map.of(), List.of("groups", "meetings", "economy"));

        var stream = merged.at("/paths/~1api~1stream/get");
        assertEquals(List.of("type", "body", "meeting", "collaboration", "organization", "Last-Event-ID", "lastEventId",
                "access_token"), stream.get("parameters").findValuesAsText("name"));
        assertTrue(stream.at("/responses/200/content").has("text/event-stream"));
        assertEquals(List.of("200", "400", "401", "403", "429"), iterable(stream.get("responses").fieldNames()),
                "the stream is not proxied: no 502-504");
        assertTrue(stream.at("/responses/429/headers/Retry-After/required").asBoolean());
        assertEquals("#/components/schemas/Problem",
                stream.at("/responses/429/content/application~1problem+json/schema/$ref").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        var list = new java.util.ArrayList<String>();
        names.forEachRemaining(list::add);
        return list;
    }
}
