package dk.kdnet.economy;

import static dk.kdnet.testing.architecture.ArchitectureRules.plainJavaPackages;

import dk.kdnet.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("dk.kdnet.economy");
    }

    @Test
    void theFinancingRulesArePlainJava() {
        // The REST edge maps their outcomes to problems.
        plainJavaPackages("dk.kdnet.economy.financing..").check(classes());
    }
}
