-- Read model of groups-service's organizations and population figures, kept from its events.
CREATE TABLE organization (
    id                UUID PRIMARY KEY,
    kind              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    short_name        TEXT,
    municipality_code TEXT,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE population (
    organization_id UUID   NOT NULL REFERENCES organization (id),
    reference_date  DATE   NOT NULL,
    count           BIGINT NOT NULL,
    source          TEXT   NOT NULL,
    PRIMARY KEY (organization_id, reference_date)
);
