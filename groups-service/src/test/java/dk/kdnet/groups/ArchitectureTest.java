package dk.kdnet.groups;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.nativeQueriesNameTheirScalars;
import static dk.kdnet.testing.architecture.ArchitectureRules.noPackageCycles;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;
import static dk.kdnet.testing.architecture.ArchitectureRules.resourcesRunNoQueries;

import com.tngtech.archunit.core.domain.JavaClasses;
import dk.kdnet.groups.collaboration.MembershipTerms;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = mainClasses("dk.kdnet.groups");

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        noPackageCycles("dk.kdnet.groups").check(CLASSES);
    }

    @Test
    void membershipTermsAndTheRulesRefusalsArePlainJava() {
        plainJavaClasses(MembershipTerms.class).check(CLASSES);
        // The refusals are shared with the other services (common/problems) but are no HTTP answer themselves.
        plainJavaPackages("dk.kdnet.rules..").check(mainClasses("dk.kdnet.rules"));
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
