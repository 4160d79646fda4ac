package dk.kdnet.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void aNewIdIsARandomVersion4UuidLikeRandomUuids() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            var id = Correlation.newId();
            var uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(uuid.toString(), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void aRequestWithoutOneGetsANewIdAndOneWithOneKeepsIt() {
        assertEquals(4, UUID.fromString(Correlation.begin(null)).version());
        assertEquals(4, UUID.fromString(Correlation.begin(" ")).version());
        assertEquals("from-the-caller", Correlation.begin("from-the-caller"));
        Correlation.end();
    }
}
