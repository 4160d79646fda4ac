-- Wakes the outbox relays (OutboxRelay LISTENs on this channel). PostgreSQL delivers a NOTIFY when the inserting
-- transaction commits, so a relay publishes as soon as the events are visible instead of waiting out its poll
-- interval, in whichever instance holds the relay's lock. Once per statement, and PostgreSQL folds equal
-- notifications of one transaction into one. The payload is the inserting backend's pid: the instance that made
-- the insert has already woken its own relay after the commit and skips the notification.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', pg_backend_pid()::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
