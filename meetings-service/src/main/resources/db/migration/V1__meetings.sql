-- Meetings of a body. Times are instants; the API reads and writes them in Europe/Copenhagen.
CREATE TABLE meeting (
    id               UUID PRIMARY KEY,
    body_id          UUID        NOT NULL,
    title            TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL,
    location_kind    TEXT        NOT NULL,
    place            TEXT,
    platform         TEXT,
    status           TEXT        NOT NULL,
    case_number      TEXT,
    -- The numbering period the agenda's numbers were frozen in (set at publication).
    numbering_period TEXT,
    cancel_reason    TEXT,
    version          BIGINT      NOT NULL DEFAULT 0,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX meeting_body_starts ON meeting (body_id, starts_at);
CREATE INDEX meeting_starts ON meeting (starts_at);
CREATE INDEX meeting_body_period ON meeting (body_id, numbering_period);

CREATE TABLE meeting_aud (
    id               UUID     NOT NULL,
    rev              BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype          SMALLINT,
    body_id          UUID,
    title            TEXT,
    kind             TEXT,
    starts_at        TIMESTAMPTZ,
    ends_at          TIMESTAMPTZ,
    location_kind    TEXT,
    place            TEXT,
    platform         TEXT,
    status           TEXT,
    case_number      TEXT,
    numbering_period TEXT,
    cancel_reason    TEXT,
    PRIMARY KEY (id, rev)
);

-- A body's numbering policy; a body without a row numbers PER_MEETING.
CREATE TABLE body_numbering (
    body_id UUID PRIMARY KEY,
    policy  TEXT   NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
);

-- Read model of groups-service's bodies.
CREATE TABLE body (
    id             UUID PRIMARY KEY,
    kind           TEXT,
    name           TEXT NOT NULL,
    short_name     TEXT,
    parent_body_id UUID,
    valid_from     DATE,
    valid_to       DATE
);

-- Read model of groups-service's body memberships: the expected participants of a meeting.
CREATE TABLE body_membership (
    id                           UUID PRIMARY KEY,
    body_id                      UUID NOT NULL,
    person_id                    UUID NOT NULL,
    display_name                 TEXT,
    role                         TEXT,
    voting                       BOOLEAN NOT NULL DEFAULT TRUE,
    representing_organization_id UUID,
    valid_from                   DATE NOT NULL,
    valid_to                     DATE
);
CREATE INDEX body_membership_body ON body_membership (body_id, valid_from);
CREATE INDEX body_membership_person ON body_membership (person_id);

CREATE TABLE agenda_item (
    id                UUID PRIMARY KEY,
    meeting_id        UUID    NOT NULL REFERENCES meeting (id),
    -- Null until the agenda is published; frozen from then on.
    number            INTEGER,
    position          INTEGER NOT NULL,
    title             TEXT    NOT NULL,
    presenters        JSONB   NOT NULL DEFAULT '[]',
    summary           TEXT,
    recommendation    JSONB   NOT NULL DEFAULT '[]',
    case_presentation TEXT,
    closed            BOOLEAN NOT NULL DEFAULT FALSE,
    case_number       TEXT,
    standard_type     TEXT,
    -- The item this one was postponed from.
    origin_item_id    UUID REFERENCES agenda_item (id),
    search_vector     TSVECTOR,
    version           BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_search ON agenda_item USING GIN (search_vector);

CREATE TABLE agenda_item_aud (
    id                UUID     NOT NULL,
    rev               BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype           SMALLINT,
    meeting_id        UUID,
    number            INTEGER,
    position          INTEGER,
    title             TEXT,
    presenters        JSONB,
    summary           TEXT,
    recommendation    JSONB,
    case_presentation TEXT,
    closed            BOOLEAN,
    case_number       TEXT,
    standard_type     TEXT,
    origin_item_id    UUID,
    PRIMARY KEY (id, rev)
);

CREATE TABLE decision (
    id                      UUID PRIMARY KEY,
    agenda_item_id          UUID        NOT NULL UNIQUE REFERENCES agenda_item (id),
    meeting_id              UUID        NOT NULL REFERENCES meeting (id),
    outcome                 TEXT        NOT NULL,
    text                    TEXT,
    part_outcomes           JSONB       NOT NULL DEFAULT '[]',
    follow_ups              JSONB       NOT NULL DEFAULT '[]',
    effects                 JSONB       NOT NULL DEFAULT '[]',
    postponed_to_meeting_id UUID REFERENCES meeting (id),
    postponed_item_id       UUID REFERENCES agenda_item (id),
    recorded_at             TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX decision_meeting ON decision (meeting_id);

CREATE TABLE decision_aud (
    id                      UUID     NOT NULL,
    rev                     BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype                 SMALLINT,
    agenda_item_id          UUID,
    meeting_id              UUID,
    outcome                 TEXT,
    text                    TEXT,
    part_outcomes           JSONB,
    follow_ups              JSONB,
    effects                 JSONB,
    postponed_to_meeting_id UUID,
    postponed_item_id       UUID,
    recorded_at             TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);

-- Attachments: an ESDH reference or an uploaded file; the bytes live in attachment_content so that
-- every instance serves them and listing attachments does not read them.
CREATE TABLE attachment (
    id               UUID PRIMARY KEY,
    agenda_item_id   UUID        NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    kind             TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    esdh_system      TEXT,
    esdh_document_id TEXT,
    url              TEXT,
    file_name        TEXT,
    media_type       TEXT,
    size_bytes       BIGINT,
    sha256           TEXT,
    added_at         TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX attachment_item ON attachment (agenda_item_id, added_at);

CREATE TABLE attachment_content (
    attachment_id UUID PRIMARY KEY REFERENCES attachment (id) ON DELETE CASCADE,
    content       BYTEA NOT NULL
);

-- Apologies, substitutes and guests of a meeting; expected participants come from body_membership.
CREATE TABLE attendance (
    id              UUID PRIMARY KEY,
    meeting_id      UUID NOT NULL REFERENCES meeting (id),
    kind            TEXT NOT NULL,
    person_id       UUID,
    display_name    TEXT,
    for_person_id   UUID,
    organization_id UUID,
    note            TEXT,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX attendance_meeting ON attendance (meeting_id);
CREATE UNIQUE INDEX attendance_one_apology ON attendance (meeting_id, person_id) WHERE kind = 'APOLOGY';

-- Danish full-text search: a title hit weighs most (A), then the summary and the decision (B), then
-- the case presentation (C). Kept by triggers, so every writer (API, reference data) is covered.
CREATE FUNCTION agenda_item_search_vector(item agenda_item) RETURNS TSVECTOR LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('danish', coalesce(item.title, '')), 'A')
        || setweight(to_tsvector('danish', coalesce(item.summary, '')), 'B')
        || setweight(to_tsvector('danish', coalesce(
               (SELECT d.text FROM decision d WHERE d.agenda_item_id = item.id), '')), 'B')
        || setweight(to_tsvector('danish', coalesce(item.case_presentation, '')), 'C')
$$;

CREATE FUNCTION agenda_item_index() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := agenda_item_search_vector(NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER agenda_item_index BEFORE INSERT OR UPDATE OF title, summary, case_presentation ON agenda_item
    FOR EACH ROW EXECUTE FUNCTION agenda_item_index();

CREATE FUNCTION decision_index() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agenda_item i SET search_vector = agenda_item_search_vector(i) WHERE i.id = NEW.agenda_item_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER decision_index AFTER INSERT OR UPDATE OF text ON decision
    FOR EACH ROW EXECUTE FUNCTION decision_index();
