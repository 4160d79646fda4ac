package dk.kdnet.economy;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The boundaries economy-service keeps: no package cycles, rules free of frameworks, resources that run no queries. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = mainClasses("dk.kdnet.economy");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles("dk.kdnet.economy").check(CLASSES);
    }

    @Test
    void theFinancingRulesArePlainJava() {
        // The REST edge maps their outcomes to problems.
        plainJavaPackages("dk.kdnet.economy.financing..").check(CLASSES);
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
