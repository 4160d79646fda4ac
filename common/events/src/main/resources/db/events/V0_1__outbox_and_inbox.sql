-- Shared by every service (kdnet-events). Versions below 1 so service migrations follow them.
CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    event_key      TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    source         TEXT        NOT NULL,
    subject        TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    correlation_id TEXT,
    causation_id   TEXT,
    data           JSONB       NOT NULL,
    published_at   TIMESTAMPTZ
);
-- The relay reads only what is still to be sent.
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
