-- Each recalculation of charges, so a long one's progress can be followed (RecalculationResource).
CREATE TABLE recalculation (
    id               UUID PRIMARY KEY,
    state            VARCHAR(16)  NOT NULL,
    done             INT          NOT NULL,
    total            INT          NOT NULL,
    cause_event_id   UUID,
    cause_event_type VARCHAR(200) NOT NULL,
    decision_id      UUID,
    correlation_id   VARCHAR(100),
    started_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX recalculation_started_at ON recalculation (started_at DESC);
CREATE INDEX recalculation_running ON recalculation (state) WHERE state = 'RUNNING';
