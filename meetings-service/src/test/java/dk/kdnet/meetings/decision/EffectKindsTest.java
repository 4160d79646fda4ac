package dk.kdnet.meetings.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kdnet.events.meetings.DecisionEffect;
import dk.kdnet.meetings.decision.DecisionApi.Effect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every effect kind the contract names is one a service carries out, so the AsyncAPI, the API and the consumers
 * cannot drift apart (each consumer's tests check it carries out the kinds the registry names for it).
 */
class EffectKindsTest {

    @Test
    void everyEffectKindOfTheAsyncApiIsAnEffectKindOfTheApiCarriedOutByTheServiceItsSummaryNames() throws IOException {
        var text = asyncApi();
        // The kind of an effect, in the decision's payload (a meeting has a kind of its own).
        var enumeration = Pattern.compile("kind: \\{type: string, enum: \\[([^]]+)]}")
                .matcher(text.substring(text.indexOf("effectId:")));
        assertTrue(enumeration.find(), "asyncapi.yaml lists the effect kinds");
        var listed = Arrays.stream(enumeration.group(1).split(",")).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Arrays.stream(EffectKind.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                listed);
        assertEquals(listed, new TreeSet<>(DecisionEffect.CARRIED_OUT_BY.keySet()), "each kind has a consumer");

        var start = text.indexOf("A decision was recorded.");
        var summary = text.substring(start, text.indexOf("\n  consume", start));
        var services = Set.copyOf(DecisionEffect.CARRIED_OUT_BY.values());
        for (var kind : listed) {
            var at = summary.indexOf(kind);
            assertTrue(at > 0, "the decisions' summary names " + kind);
            // The service named last before the kind is the one the summary says carries it out.
            var named = services.stream().max((a, b) -> Integer.compare(summary.lastIndexOf(a, at),
                    summary.lastIndexOf(b, at))).orElseThrow();
            assertEquals(DecisionEffect.CARRIED_OUT_BY.get(kind), named, "the service carrying out " + kind);
        }
    }

    @Test
    void anEffectOfAKindNoServiceCarriesOutIsRefused() {
        var appointment = new Effect(null, EffectKind.APPOINTMENT, null, null, null, UUID.randomUUID(), "CHAIR", null,
                null, null, null, null);
        var budget = new Effect(null, EffectKind.BUDGET_APPROVED, null, null, null, null, null, null, null, null, 2024,
                null);

        var errors = EffectRules.check(List.of(budget, appointment), Set.of(DecisionEffect.BUDGET_APPROVED));

        assertEquals(1, errors.size());
        assertEquals("effects[1].kind", errors.getFirst().field());
        assertEquals("no service carries out APPOINTMENT effects", errors.getFirst().message());
        assertEquals(List.of(), EffectRules.check(List.of(budget, appointment)));
    }

    private static String asyncApi() throws IOException {
        try (var in = EffectKindsTest.class.getResourceAsStream("/META-INF/resources/asyncapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
