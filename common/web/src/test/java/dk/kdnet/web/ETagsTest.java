package dk.kdnet.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.kdnet.problems.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @Test
    void missingIfMatchIs428() {
        var e = assertThrows(ProblemException.PreconditionRequired.class, () -> ETags.requireMatch(null, 3));
        assertEquals(428, e.type().status());
    }

    @Test
    void staleIfMatchIs412AndNamesTheCurrentETag() {
        var e = assertThrows(ProblemException.PreconditionFailed.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, e.type().status());
        assertEquals(true, e.getMessage().contains("\"3\""));
    }

    @Test
    void currentWeakOrListedOrWildcardMatches() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }
}
