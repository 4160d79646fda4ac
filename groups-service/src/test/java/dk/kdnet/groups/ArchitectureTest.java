package dk.kdnet.groups;

import static dk.kdnet.testing.architecture.ArchitectureRules.mainClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaClasses;
import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;

import dk.kdnet.groups.collaboration.MembershipTerms;
import dk.kdnet.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("dk.kdnet.groups");
    }

    @Test
    void membershipTermsAndTheRulesRefusalsArePlainJava() {
        plainJavaClasses(MembershipTerms.class).check(classes());
        // The refusals are shared with the other services (common/problems) but are no HTTP answer themselves.
        plainJavaPackages("dk.kdnet.rules..").check(mainClasses("dk.kdnet.rules"));
    }
}
