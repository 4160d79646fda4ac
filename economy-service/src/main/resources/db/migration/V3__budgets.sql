-- Budgets and accounts: each change of the lines is a new version; its status moves DRAFT -> PROPOSED -> APPROVED.
CREATE TABLE budget (
    id          UUID PRIMARY KEY,
    owner_kind  TEXT        NOT NULL,
    owner_id    UUID        NOT NULL,
    year        INT         NOT NULL,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX budget_owner ON budget (owner_id, year);

-- The lines are a tree only ever read and written whole: a JSON document.
CREATE TABLE budget_version (
    id            UUID PRIMARY KEY,
    budget_id     UUID        NOT NULL REFERENCES budget (id),
    number        INT         NOT NULL,
    status        TEXT        NOT NULL,
    carried_in    NUMERIC     NOT NULL,
    lines         JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    version       BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (budget_id, number)
);
