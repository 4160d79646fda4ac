-- People, bodies and their members over time, secretariats, collaborations with versioned terms.
-- Every audited entity has a <table>_aud twin (Hibernate Envers; version columns are not audited).

CREATE TABLE organization_aud (
    id                UUID     NOT NULL,
    rev               BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype           SMALLINT,
    kind              TEXT,
    name              TEXT,
    short_name        TEXT,
    municipality_code TEXT,
    cvr               TEXT,
    ean               TEXT,
    PRIMARY KEY (id, rev)
);

CREATE TABLE person (
    id                       UUID PRIMARY KEY,
    name                     TEXT   NOT NULL,
    title                    TEXT,
    employer_organization_id UUID REFERENCES organization (id),
    email                    TEXT,
    erased_at                TIMESTAMPTZ,
    version                  BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE person_aud (
    id                       UUID     NOT NULL,
    rev                      BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype                  SMALLINT,
    name                     TEXT,
    title                    TEXT,
    employer_organization_id UUID,
    email                    TEXT,
    erased_at                TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);

CREATE TABLE body (
    id               UUID PRIMARY KEY,
    kind             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    short_name       TEXT,
    parent_body_id   UUID REFERENCES body (id),
    mandate_text     TEXT,
    mandate_document TEXT,
    valid_from       DATE,
    valid_to         DATE,
    chair_seats      INTEGER NOT NULL DEFAULT 1 CHECK (chair_seats >= 1),
    vice_chair_seats INTEGER NOT NULL DEFAULT 1 CHECK (vice_chair_seats >= 1),
    version          BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX body_parent ON body (parent_body_id);

CREATE TABLE body_aud (
    id               UUID     NOT NULL,
    rev              BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype          SMALLINT,
    kind             TEXT,
    name             TEXT,
    short_name       TEXT,
    parent_body_id   UUID,
    mandate_text     TEXT,
    mandate_document TEXT,
    valid_from       DATE,
    valid_to         DATE,
    chair_seats      INTEGER,
    vice_chair_seats INTEGER,
    PRIMARY KEY (id, rev)
);

CREATE TABLE body_membership (
    id                           UUID PRIMARY KEY,
    body_id                      UUID    NOT NULL REFERENCES body (id),
    person_id                    UUID    NOT NULL REFERENCES person (id),
    role                         TEXT    NOT NULL,
    voting                       BOOLEAN NOT NULL,
    representing_organization_id UUID REFERENCES organization (id),
    valid_from                   DATE    NOT NULL,
    valid_to                     DATE CHECK (valid_to >= valid_from),
    end_reason                   TEXT,
    version                      BIGINT  NOT NULL DEFAULT 0
);
-- "Who sat in this body on that date": range scan per body.
CREATE INDEX body_membership_on_date ON body_membership (body_id, valid_from, valid_to);
CREATE INDEX body_membership_person ON body_membership (person_id, valid_from);

CREATE TABLE body_membership_aud (
    id                           UUID     NOT NULL,
    rev                          BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype                      SMALLINT,
    body_id                      UUID,
    person_id                    UUID,
    role                         TEXT,
    voting                       BOOLEAN,
    representing_organization_id UUID,
    valid_from                   DATE,
    valid_to                     DATE,
    end_reason                   TEXT,
    PRIMARY KEY (id, rev)
);

CREATE TABLE secretariat (
    id                   UUID PRIMARY KEY,
    name                 TEXT          NOT NULL,
    host_organization_id UUID REFERENCES organization (id),
    fte                  NUMERIC(6, 2) CHECK (fte >= 0),
    served_body_ids      UUID[]        NOT NULL DEFAULT '{}',
    reports_to_body_id   UUID REFERENCES body (id),
    reports_to           TEXT,
    valid_from           DATE,
    valid_to             DATE,
    version              BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE secretariat_aud (
    id                   UUID     NOT NULL,
    rev                  BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype              SMALLINT,
    name                 TEXT,
    host_organization_id UUID,
    fte                  NUMERIC(6, 2),
    served_body_ids      UUID[],
    reports_to_body_id   UUID,
    reports_to           TEXT,
    valid_from           DATE,
    valid_to             DATE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE staff_assignment (
    id             UUID PRIMARY KEY,
    secretariat_id UUID          NOT NULL REFERENCES secretariat (id),
    person_id      UUID          NOT NULL REFERENCES person (id),
    role           TEXT          NOT NULL,
    fte            NUMERIC(5, 2) NOT NULL CHECK (fte > 0),
    valid_from     DATE          NOT NULL,
    valid_to       DATE CHECK (valid_to >= valid_from),
    version        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX staff_assignment_secretariat ON staff_assignment (secretariat_id, valid_from);

CREATE TABLE staff_assignment_aud (
    id             UUID     NOT NULL,
    rev            BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype        SMALLINT,
    secretariat_id UUID,
    person_id      UUID,
    role           TEXT,
    fte            NUMERIC(5, 2),
    valid_from     DATE,
    valid_to       DATE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE collaboration (
    id                   UUID PRIMARY KEY,
    name                 TEXT   NOT NULL UNIQUE,
    short_name           TEXT,
    purpose              TEXT,
    host_organization_id UUID REFERENCES organization (id),
    valid_from           DATE,
    valid_to             DATE,
    version              BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE collaboration_aud (
    id                   UUID     NOT NULL,
    rev                  BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype              SMALLINT,
    name                 TEXT,
    short_name           TEXT,
    purpose              TEXT,
    host_organization_id UUID,
    valid_from           DATE,
    valid_to             DATE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE collaboration_terms (
    id                  UUID PRIMARY KEY,
    collaboration_id    UUID    NOT NULL REFERENCES collaboration (id),
    terms_version       TEXT    NOT NULL,
    valid_from          DATE    NOT NULL,
    description         TEXT,
    notice_months       INTEGER NOT NULL CHECK (notice_months >= 0),
    notice_counted_from TEXT    NOT NULL,
    transitional_rules  JSONB   NOT NULL DEFAULT '[]',
    budget_mode         TEXT    NOT NULL,
    decision_id         UUID,
    meeting_id          UUID,
    agenda_item_id      UUID,
    item_number         INTEGER,
    UNIQUE (collaboration_id, valid_from),
    UNIQUE (collaboration_id, terms_version)
);

CREATE TABLE collaboration_terms_aud (
    id                  UUID     NOT NULL,
    rev                 BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype             SMALLINT,
    collaboration_id    UUID,
    terms_version       TEXT,
    valid_from          DATE,
    description         TEXT,
    notice_months       INTEGER,
    notice_counted_from TEXT,
    transitional_rules  JSONB,
    budget_mode         TEXT,
    decision_id         UUID,
    meeting_id          UUID,
    agenda_item_id      UUID,
    item_number         INTEGER,
    PRIMARY KEY (id, rev)
);

CREATE TABLE collaboration_membership (
    id                        UUID PRIMARY KEY,
    collaboration_id          UUID   NOT NULL REFERENCES collaboration (id),
    organization_id           UUID   NOT NULL REFERENCES organization (id),
    joined_on                 DATE   NOT NULL,
    join_decision_id          UUID,
    join_meeting_id           UUID,
    join_agenda_item_id       UUID,
    join_item_number          INTEGER,
    notice_given_on           DATE,
    effective_exit            DATE,
    terms_id                  UUID REFERENCES collaboration_terms (id),
    withdrawal_decision_id    UUID,
    withdrawal_meeting_id     UUID,
    withdrawal_agenda_item_id UUID,
    withdrawal_item_number    INTEGER,
    withdrawal_reason         TEXT,
    version                   BIGINT NOT NULL DEFAULT 0,
    CHECK ((notice_given_on IS NULL) = (effective_exit IS NULL))
);
CREATE INDEX collaboration_membership_on_date ON collaboration_membership (collaboration_id, joined_on, effective_exit);
CREATE INDEX collaboration_membership_organization ON collaboration_membership (organization_id, collaboration_id);

CREATE TABLE collaboration_membership_aud (
    id                        UUID     NOT NULL,
    rev                       BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype                   SMALLINT,
    collaboration_id          UUID,
    organization_id           UUID,
    joined_on                 DATE,
    join_decision_id          UUID,
    join_meeting_id           UUID,
    join_agenda_item_id       UUID,
    join_item_number          INTEGER,
    notice_given_on           DATE,
    effective_exit            DATE,
    terms_id                  UUID,
    withdrawal_decision_id    UUID,
    withdrawal_meeting_id     UUID,
    withdrawal_agenda_item_id UUID,
    withdrawal_item_number    INTEGER,
    withdrawal_reason         TEXT,
    PRIMARY KEY (id, rev)
);
