-- Envers twins of the audited entities (version columns are not audited). JSON documents are kept as text.
CREATE TABLE financing_scheme_aud (
    id                UUID     NOT NULL,
    rev               BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype           SMALLINT,
    owner_kind        TEXT,
    owner_id          UUID,
    name              TEXT,
    year              INT,
    budget_mode       TEXT,
    rounding          TEXT,
    shared_total      NUMERIC,
    indexation        NUMERIC,
    population_date   DATE,
    components        TEXT,
    members           TEXT,
    corrections       TEXT,
    status            TEXT,
    approved_at       TIMESTAMPTZ,
    total             NUMERIC,
    sum_of_rows       NUMERIC,
    created_at        TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);

CREATE TABLE charge_aud (
    id               UUID     NOT NULL,
    rev              BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype          SMALLINT,
    scheme_id        UUID,
    organization_id  UUID,
    year             INT,
    amount           NUMERIC,
    charge_version   INT,
    months           INT,
    breakdown        TEXT,
    invoiced         BOOLEAN,
    invoiced_at      TIMESTAMPTZ,
    billed           NUMERIC,
    updated_at       TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);

CREATE TABLE budget_aud (
    id          UUID     NOT NULL,
    rev         BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype     SMALLINT,
    owner_kind  TEXT,
    owner_id    UUID,
    year        INT,
    kind        TEXT,
    title       TEXT,
    created_at  TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);

CREATE TABLE budget_version_aud (
    id          UUID     NOT NULL,
    rev         BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype     SMALLINT,
    budget_id   UUID,
    number      INT,
    status      TEXT,
    carried_in  NUMERIC,
    lines       TEXT,
    created_at  TIMESTAMPTZ,
    status_at   TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
