package dk.kdnet.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiPayloadsTest {

    sealed interface ThingEvent permits ThingMoved, ThingLost {}

    record Place(String name, int floor) {}

    record ThingMoved(UUID thingId, LocalDate on, List<Place> route) implements ThingEvent {
        public static final String TYPE = "test.thing-moved.v1";
    }

    record ThingLost(UUID thingId) implements ThingEvent {
        public static final String TYPE = "test.thing-lost.v1";
    }

    private static final String DOCUMENT = """
            components:
              messages:
                ThingMoved:
                  name: test.thing-moved.v1
                  payload: {$ref: '#/components/schemas/ThingMoved'}
              schemas:
                ThingMoved:
                  type: object
                  properties:
                    thingId: {type: string, format: uuid}
                    on: {type: [string, 'null'], format: date-time}
                    route:
                      type: array
                      items:
                        type: object
                        properties:
                          name: {type: string}
                          floor: {type: string}
                    by: {type: string}
            """;

    @Test
    void namesEachFieldThatDiffersAndEachEventWithoutAMessage(@TempDir Path dir) throws IOException {
        var yaml = Files.writeString(dir.resolve("asyncapi.yaml"), DOCUMENT);
        assertEquals(List.of("test.thing-moved.v1.by: in the document, not in the record",
                "test.thing-moved.v1.on: has format date-time in the document, date (LocalDate) in the record",
                "test.thing-moved.v1.route[].floor: is string in the document, integer (int) in the record",
                "test.thing-lost.v1: no message in the document"),
                AsyncApiPayloads.of(yaml).differences(ThingEvent.class));
    }

    @Test
    void aDocumentThatMatchesHasNoDifferences(@TempDir Path dir) throws IOException {
        var yaml = Files.writeString(dir.resolve("asyncapi.yaml"), """
                components:
                  messages:
                    ThingMoved:
                      name: test.thing-moved.v1
                      payload:
                        allOf:
                          - {$ref: '#/components/schemas/Thing'}
                          - properties:
                              on: {type: string, format: date}
                              route: {type: array, items: {properties: {name: {type: string}, floor: {type: integer}}}}
                    ThingLost:
                      name: test.thing-lost.v1
                      payload: {$ref: '#/components/schemas/Thing'}
                  schemas:
                    Thing:
                      type: object
                      properties:
                        thingId: {type: string, format: uuid}
                """);
        assertEquals(List.of(), AsyncApiPayloads.of(yaml).differences(ThingEvent.class));
    }
}
