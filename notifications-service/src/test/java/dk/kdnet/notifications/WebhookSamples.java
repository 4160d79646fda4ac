package dk.kdnet.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Webhooks the tests received, kept for {@code .ci/webhooks}, which verifies them with the npm standardwebhooks library. */
public final class WebhookSamples {

    private static final Path SAMPLES = Path.of("target/webhook-samples.json");

    private WebhookSamples() {}

    /** Keeps requests as they arrived, with their secret, for the check with the npm library. */
    public static synchronized void keep(String secret, List<WebhookReceiver.Request> requests) {
        var json = new ObjectMapper();
        try {
            var samples = new ArrayList<Object>();
            if (Files.exists(SAMPLES)) {
                samples.addAll(json.readValue(SAMPLES.toFile(), List.class));
            }
            for (var request : requests) {
                samples.add(Map.of("secret", secret, "headers", request.headers(), "body", request.body()));
            }
            Files.createDirectories(SAMPLES.getParent());
            json.writeValue(SAMPLES.toFile(), samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
