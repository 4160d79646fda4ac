-- Webhook subscriptions of municipal systems, the events they may be sent, and one delivery per
-- subscription and event.
CREATE TABLE subscription (
    id                     UUID PRIMARY KEY,
    url                    TEXT        NOT NULL,
    event_types            TEXT[]      NOT NULL,
    body_id                UUID,
    meeting_id             UUID,
    collaboration_id       UUID,
    organization_id        UUID,
    -- The client token that made it (null: the secretariat), and the organization it is limited to: what the
    -- subscription receives is what that client may read (EventVisibility), and only that client's organization
    -- (or, without one, that client) manages it.
    client_id              TEXT,
    owner_organization_id  UUID,
    -- whsec_ + base64; kept to sign with, never shown after creation.
    secret                 TEXT        NOT NULL,
    status                 TEXT        NOT NULL,
    paused_reason          TEXT,
    paused_at              TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    created_by             TEXT,
    -- The instance delivering for it holds it until then (DeliveryWorker).
    lease_until            TIMESTAMPTZ,
    version                BIGINT      NOT NULL DEFAULT 0
);

-- Every event consumed, so a subscription can be sent a range of them again (replay).
CREATE TABLE webhook_event (
    id          UUID PRIMARY KEY,
    seq         BIGSERIAL   NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_event_occurred_at ON webhook_event (occurred_at);

CREATE TABLE delivery (
    seq             BIGSERIAL PRIMARY KEY,
    subscription_id UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL REFERENCES webhook_event (id),
    subject         TEXT        NOT NULL,
    -- PENDING, DELIVERED, or WITHHELD: no longer visible to the subscription when its turn came (the rules changed).
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    -- When the current run of failures began: past give-up-after, the subscription is paused.
    failing_since   TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, event_id)
);
-- The worker's question: the oldest pending delivery of each subject of a subscription.
CREATE INDEX delivery_pending ON delivery (subscription_id, subject, seq) WHERE status = 'PENDING';
CREATE INDEX delivery_of_subscription ON delivery (subscription_id, seq);
