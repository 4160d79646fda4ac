-- Hibernate Envers revisions (kdnet-events): who changed what, when, under which correlation id.
-- Each service's audited entity has a <table>_aud table with rev referencing this and revtype.
CREATE TABLE audit_revision (
    id             BIGSERIAL PRIMARY KEY,
    changed_at     BIGINT NOT NULL,
    actor          TEXT,
    correlation_id TEXT
);
