package dk.kdnet.notifications;

import dk.kdnet.testing.architecture.ServiceArchitecture;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("dk.kdnet.notifications");
    }
}
