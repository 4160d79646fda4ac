package dk.kdnet.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;

/** What the gateway and notifications-service need of an answer to their own Vert.x client calls. */
public final class ClientAnswers {

    private ClientAnswers() {}

    /**
     * The answer's status once it has ended, its body read and dropped. Vert.x throws a bare IllegalStateException
     * from {@code end()} (or a handler) when the answer has already ended by the time it is asked, which a bodiless
     * 204 often has: the answer is then whole. Counted as a failure, a delivered webhook was sent again
     * (PauseResumeReplayTest failed in CI so; WebhookSenderTest sends 1,000 to find it).
     */
    public static Future<Integer> statusOnceEnded(HttpClientResponse response) {
        var status = response.statusCode();
        try {
            return response.end().map(status);
        } catch (IllegalStateException alreadyEnded) {
            return Future.succeededFuture(status);
        }
    }
}
