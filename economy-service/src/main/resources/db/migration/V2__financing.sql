-- Read model of groups-service's collaboration memberships: who pays for which months.
CREATE TABLE collaboration_membership (
    collaboration_id UUID        NOT NULL,
    organization_id  UUID        NOT NULL,
    membership_id    UUID,
    joined_on        DATE        NOT NULL,
    notice_given     DATE,
    effective_exit   DATE,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (collaboration_id, organization_id)
);
CREATE INDEX collaboration_membership_organization ON collaboration_membership (organization_id);

-- A financing scheme as approved; components, members (with their keys) and corrections are the
-- engine's input and are only ever read whole, so they are JSON documents.
CREATE TABLE financing_scheme (
    id                UUID PRIMARY KEY,
    owner_kind        TEXT        NOT NULL,
    owner_id          UUID        NOT NULL,
    name              TEXT        NOT NULL,
    year              INT         NOT NULL,
    budget_mode       TEXT        NOT NULL,
    rounding          TEXT        NOT NULL,
    shared_total      NUMERIC     NOT NULL,
    indexation        NUMERIC     NOT NULL,
    population_date   DATE,
    components        JSONB       NOT NULL,
    members           JSONB       NOT NULL,
    corrections       JSONB       NOT NULL,
    status            TEXT        NOT NULL,
    approved_at       TIMESTAMPTZ,
    total             NUMERIC,
    sum_of_rows       NUMERIC,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX financing_scheme_owner ON financing_scheme (owner_id, year);
CREATE INDEX financing_scheme_members ON financing_scheme USING gin (members jsonb_path_ops);

CREATE TABLE charge (
    id               UUID PRIMARY KEY,
    scheme_id        UUID        NOT NULL REFERENCES financing_scheme (id),
    organization_id  UUID        NOT NULL,
    year             INT         NOT NULL,
    amount           NUMERIC     NOT NULL,
    charge_version   INT         NOT NULL,
    months           INT         NOT NULL,
    breakdown        JSONB       NOT NULL,
    invoiced         BOOLEAN     NOT NULL DEFAULT false,
    invoiced_at      TIMESTAMPTZ,
    billed           NUMERIC,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version          BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (scheme_id, organization_id)
);
CREATE INDEX charge_year ON charge (year, organization_id);

-- Every amount a charge has had (or, once invoiced, every adjustment), with what caused it.
CREATE TABLE charge_version (
    id                UUID PRIMARY KEY,
    charge_id         UUID        NOT NULL REFERENCES charge (id),
    charge_version    INT         NOT NULL,
    kind              TEXT        NOT NULL,
    amount            NUMERIC     NOT NULL,
    previous_amount   NUMERIC,
    adjustment        NUMERIC,
    breakdown         JSONB       NOT NULL,
    cause_event_id    UUID,
    cause_event_type  TEXT        NOT NULL,
    decision_id       UUID,
    meeting_id        UUID,
    agenda_item_id    UUID,
    item_number       INT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (charge_id, charge_version)
);
