package dk.kdnet.notifications;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = mainClasses("dk.kdnet.notifications");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles("dk.kdnet.notifications").check(CLASSES);
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
