package dk.kdnet.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One decision is one trace through every service: the W3C {@code traceparent} of the work that writes an event is
 * kept with it in the outbox and travels as the CloudEvents distributed tracing extension attribute
 * ({@code ce_traceparent}); a consumer handles the event in a span that continues that trace. HTTP requests are
 * traced by quarkus-opentelemetry itself.
 */
@ApplicationScoped
public class Tracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The traceparent of the span now current, or null outside any. */
    static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** Runs a consumer's handling of an event in a span of the event's trace (a new one if it carries none). */
    <T> T handling(String consumer, CloudEvent event, Supplier<T> work) {
        var parent = event.traceparent() == null ? Context.root()
                : W3C.extract(Context.root(), event.traceparent(), TRACEPARENT);
        var span = tracer.spanBuilder(consumer + " process " + event.type()).setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_subject", event.subject())
                .startSpan();
        try (var scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
