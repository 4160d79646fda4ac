package dk.kdnet.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCachesTest {

    @TempDir
    Path root;

    @Test
    void recordsWhenAnyServiceLacksItsCacheOnJdk25() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches are recorded on JDK 25+ only");
        for (var service : KdnetStack.Service.values()) {
            Files.createDirectories(app(service));
        }
        assertTrue(AotCaches.missing(root), "no service has a cache yet");

        for (var service : KdnetStack.Service.values()) {
            Files.writeString(app(service).resolve(ServiceProcess.AOT_CACHE), "cache");
        }
        assertFalse(AotCaches.missing(root), "every service has its cache");

        Files.delete(app(KdnetStack.Service.GATEWAY).resolve(ServiceProcess.AOT_CACHE));
        assertTrue(AotCaches.missing(root), "a rebuilt gateway has lost its cache");
    }

    private Path app(KdnetStack.Service service) {
        return root.resolve(service.module).resolve("target/quarkus-app");
    }
}
