package dk.kdnet.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.kdnet.events.CloudEvent;
import io.vertx.core.buffer.Buffer;

/** The stream's messages in the text/event-stream format (WHATWG HTML, "Server-sent events"). */
final class Frames {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sent first: the position a client resumes from if it reconnects before any event arrives. */
    static final String READY = "ready";
    /** The client missed events that Kafka no longer holds: it must reload what it shows, then go on. */
    static final String RELOAD = "reload";

    static final Buffer HEARTBEAT = Buffer.buffer(":\n\n");

    private Frames() {}

    /** The CloudEvent in the JSON event format (CloudEvents 1.0), on one {@code data:} line. */
    static Buffer event(String position, CloudEvent event) {
        var json = JSON.createObjectNode().put("specversion", CloudEvent.SPEC_VERSION).put("id", event.id().toString())
                .put("source", event.source()).put("type", event.type()).put("subject", event.subject())
                .put("time", event.time().toString()).put("datacontenttype", CloudEvent.CONTENT_TYPE);
        json.set("data", event.data());
        return frame(position, event.type(), json.toString());
    }

    static Buffer ready(String position) {
        return frame(position, READY, "{}");
    }

    static Buffer reload(String position, String detail) {
        return frame(position, RELOAD, JSON.createObjectNode().put("detail", detail).toString());
    }

    /** Reconnection delay a client's EventSource uses after the gateway closes the stream. */
    static Buffer retry(long millis) {
        return Buffer.buffer("retry: " + millis + "\n\n");
    }

    private static Buffer frame(String position, String event, String data) {
        return Buffer.buffer("id: " + position + "\nevent: " + event + "\ndata: " + data + "\n\n");
    }
}
