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
        before(context.getTestInstance().getClass());
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        after();
    }

    /** Before each test method of a test class that is not a {@code @QuarkusTest} (system tests' JUnit extension). */
    public static void before(Class<?> current) {
        if (!RestAssured.filters().contains(ContractRecorder.FILTER)) {
            RestAssured.filters(ContractRecorder.FILTER);
        }
        if (current != testClass) {
            testClass = current;
            ContractRecorder.forgetDocuments();
        }
        ContractRecorder.drain();
    }

    /** After each test method: fails it naming each distinct violation recorded since {@link #before(Class)}. */
    public static void after() {
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
