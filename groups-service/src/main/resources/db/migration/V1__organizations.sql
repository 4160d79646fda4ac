CREATE TABLE organization (
    id                UUID PRIMARY KEY,
    kind              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    short_name        TEXT,
    municipality_code TEXT UNIQUE,
    cvr               TEXT UNIQUE,
    ean               TEXT,
    version           BIGINT      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE population_figure (
    id              UUID PRIMARY KEY,
    organization_id UUID        NOT NULL REFERENCES organization (id),
    reference_date  DATE        NOT NULL,
    count           BIGINT      NOT NULL CHECK (count >= 0),
    source          TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (organization_id, reference_date)
);
