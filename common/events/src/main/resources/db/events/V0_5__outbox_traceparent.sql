-- The W3C traceparent of the work that wrote the event; the relay sends it as the CloudEvents distributed
-- tracing extension attribute (ce_traceparent), so consumers continue the trace.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
