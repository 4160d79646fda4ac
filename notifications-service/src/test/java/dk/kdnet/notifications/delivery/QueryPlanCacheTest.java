package dk.kdnet.notifications.delivery;

import static org.awaitility.Awaitility.await;

import dk.kdnet.testing.KdnetTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * The webhook workers look for due deliveries every poll interval (250 ms) even when there are none. Each look is
 * the same native query, so it adds no query plan to Hibernate's cache after the first: a typed native query
 * ({@code createNativeQuery(sql, UUID.class)}) added one per call, and the cache's lookups of it grew with them.
 */
@QuarkusTest
@QuarkusTestResource(value = KdnetTestResource.class, restrictToAnnotatedClass = false)
class QueryPlanCacheTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    private int cachedPlans() {
        return entityManagerFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }

    @Test
    void idleWorkersLookingForDeliveriesCacheTheirQueryOnce() {
        // The workers have looked (idle, they run no other query).
        await().atMost(Duration.ofSeconds(5)).until(() -> cachedPlans() > 0);
        var plans = cachedPlans();
        // Twenty-odd more looks.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> cachedPlans() == plans);
    }
}
