CREATE TABLE meeting (
    id          UUID PRIMARY KEY,
    body_id     UUID        NOT NULL,
    title       TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    location    TEXT,
    status      TEXT        NOT NULL,
    case_number TEXT,
    version     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX meeting_body_starts ON meeting (body_id, starts_at);
