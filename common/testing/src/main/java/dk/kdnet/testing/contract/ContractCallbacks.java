package dk.kdnet.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.util.LinkedHashMap;

/**
 * Every {@code @QuarkusTest} (found through META-INF/services, in the application's class loader, so it is the
 * test's own RestAssured) checks each of its calls against the OpenAPI document; a test fails on any violation,
 * after its own assertions have passed, naming each distinct one.
 */
public final class ContractCallbacks implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    private static final int SHOWN = 40;

    private static volatile Class<?> testClass;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ContractRecorder.FILTER)) {
            RestAssured.filters(ContractRecorder.FILTER);
        }
        var current = context.getTestInstance().getClass();
        if (current != testClass) {
            testClass = current;
            ContractRecorder.forgetDocuments();
        }
        ContractRecorder.drain();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        var distinct = new LinkedHashMap<String, Violation>();
        ContractRecorder.drain().forEach(violation -> distinct.putIfAbsent(violation.key(), violation));
        if (distinct.isEmpty()) {
            return;
        }
        var message = new StringBuilder().append(distinct.size())
                .append(" kinds of answers or accepted requests break the OpenAPI document:");
        distinct.values().stream().limit(SHOWN).forEach(violation -> message.append("\n  ").append(violation));
        if (distinct.size() > SHOWN) {
            message.append("\n  ... and ").append(distinct.size() - SHOWN).append(" more");
        }
        throw new AssertionError(message.toString());
    }
}
