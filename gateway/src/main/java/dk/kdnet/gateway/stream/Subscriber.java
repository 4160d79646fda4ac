package dk.kdnet.gateway.stream;

import dk.kdnet.events.visibility.EventVisibility.Viewer;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One open stream. Frames reach it from the tail's thread (live) or a catch-up thread, and are written on the
 * connection's own event loop. A client that leaves more than the write queue's size unread is dropped, never
 * waited for: the tail serves every stream and must not stall for one.
 */
final class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    final Viewer viewer;
    final StreamFilter filter;
    final String client;
    private final HttpServerResponse response;
    private final Context context;
    private final int catchUpBuffer;
    /** Live frames held while the stream catches up; null once live. */
    private List<Buffer> pending = new ArrayList<>();
    /**
     * Offsets the client has already received, per partition, when its position was ahead of this gateway's tail
     * (another replica's token): live records below them are not sent again.
     */
    private volatile Map<TopicPartition, Long> floor = Map.of();
    private volatile boolean closed;
    private boolean overflowed;

    Subscriber(Viewer viewer, StreamFilter filter, String client, HttpServerResponse response, Context context,
            int catchUpBuffer) {
        this.viewer = viewer;
        this.filter = filter;
        this.client = client;
        this.response = response;
        this.context = context;
        this.catchUpBuffer = catchUpBuffer;
    }

    boolean closed() {
        return closed;
    }

    void floor(Map<TopicPartition, Long> floor) {
        this.floor = floor;
    }

    /** A live frame, from the tail's thread. */
    void offer(TopicPartition partition, long offset, Buffer frame) {
        var below = floor.get(partition);
        if (below != null && offset < below) {
            return;
        }
        synchronized (this) {
            if (closed || overflowed) {
                return;
            }
            if (pending == null) {
                context.runOnContext(v -> write(frame));
            } else if (pending.size() < catchUpBuffer) {
                pending.add(frame);
            } else {
                overflowed = true;
                pending.clear();
                dropLater("more than " + catchUpBuffer + " live events arrived while it caught up");
            }
        }
    }

    /** After catching up: the frames held meanwhile, then live. */
    void goLive() {
        synchronized (this) {
            var held = pending;
            pending = null;
            if (!overflowed) {
                context.runOnContext(v -> held.forEach(this::write));
            }
        }
    }

    /**
     * Frames read while catching up, with backpressure: completes true once the connection has taken them (at once,
     * or when its queue drained), false when the stream is gone.
     */
    CompletableFuture<Boolean> writeCatchingUp(List<Buffer> frames) {
        var written = new CompletableFuture<Boolean>();
        context.runOnContext(v -> {
            frames.forEach(frame -> {
                if (!closed) {
                    response.write(frame);
                }
            });
            if (closed) {
                written.complete(false);
            } else if (response.writeQueueFull()) {
                response.drainHandler(drained -> written.complete(!closed));
            } else {
                written.complete(true);
            }
        });
        return written;
    }

    /** On the connection's event loop. */
    void write(Buffer frame) {
        if (closed) {
            return;
        }
        if (response.writeQueueFull()) {
            drop("it reads slower than events arrive");
            return;
        }
        response.write(frame);
    }

    /** From any thread. */
    void dropLater(String why) {
        context.runOnContext(v -> drop(why));
    }

    private void drop(String why) {
        if (!closed) {
            LOG.infof("stream of %s dropped: %s", client, why);
            closed = true;
            response.close();
        }
    }

    /** The connection ended, either way. */
    void ended() {
        closed = true;
    }
}
