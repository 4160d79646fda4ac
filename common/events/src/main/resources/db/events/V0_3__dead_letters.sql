-- Messages a consumer gave up on, kept for operators to see and replay (kdnet-events).
CREATE TABLE dead_letter (
    id              UUID PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    event_key       TEXT,
    value           TEXT,
    headers         JSONB       NOT NULL,
    reason          TEXT        NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_at     TIMESTAMPTZ,
    replay_count    INT         NOT NULL DEFAULT 0,
    UNIQUE (topic, kafka_partition, kafka_offset)
);
