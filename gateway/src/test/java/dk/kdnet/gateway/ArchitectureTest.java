package dk.kdnet.gateway;

import dk.kdnet.testing.architecture.ServiceArchitecture;

/** The gateway is one package today; the rules keep any it grows to apart, and its resources free of queries. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("dk.kdnet.gateway");
    }
}
