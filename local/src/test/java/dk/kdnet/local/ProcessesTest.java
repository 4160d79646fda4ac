package dk.kdnet.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void aFreePortIsBindableBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        var ephemeralStart = Processes.ephemeralRangeStart();
        assertTrue(ephemeralStart > 21000, "ephemeral range from " + ephemeralStart);
        var ports = new HashSet<Integer>();
        for (var i = 0; i < 200; i++) {
            var port = Processes.freePort();
            assertTrue(port >= 20000 && port < ephemeralStart, port + " is not below the ephemeral range");
            assertTrue(ports.add(port), port + " handed out twice");
        }
        var port = Processes.freePort();
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            assertEquals(port, socket.getLocalPort());
        }
    }
}
