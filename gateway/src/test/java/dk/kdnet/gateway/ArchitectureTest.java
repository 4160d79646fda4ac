package dk.kdnet.gateway;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The gateway is one package today; these keep any it grows to apart, and its resources free of queries. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = mainClasses("dk.kdnet.gateway");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles("dk.kdnet.gateway").check(CLASSES);
    }

    @Test
    void resourcesLeaveQueriesToTheServices() {
        resourcesRunNoQueries().check(CLASSES);
    }

    @Test
    void nativeQueriesAreCachedOnce() {
        nativeQueriesNameTheirScalars().check(CLASSES);
    }
}
