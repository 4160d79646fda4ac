package dk.kdnet.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
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

        assertEquals(List.of("/api/economy/charges", "/api/groups/organizations"),
                iterable(merged.get("paths").fieldNames()));
        assertEquals(List.of("Problem", "Charge", "Organization"),
                iterable(merged.at("/components/schemas").fieldNames()));
        assertEquals(2, merged.get("tags").size());
        assertEquals("meetings", merged.at("/x-unavailable-services/0").asText());
        assertTrue(merged.get("openapi").asText().startsWith("3."));
        assertEquals("[{},{\"bearer\":[]}]", merged.get("security").toString(),
                "anonymous or bearer by default; operations that need a role say so");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        var list = new java.util.ArrayList<String>();
        names.forEachRemaining(list::add);
        return list;
    }
}
