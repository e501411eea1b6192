-- Automatic replies sent while the desk is closed, and alerts to the on-call supervisor.
-- apply_migrations runs this file inside one transaction.

-- One row per conversation, closed period and reply kind. Its primary key is what makes the
-- automatic reply idempotent: a redelivered or concurrent event finds the row and queues
-- nothing.
CREATE TABLE desk.automatic_replies (
    conversation_id text NOT NULL REFERENCES desk.conversations (conversation_id),
    kind text NOT NULL CHECK (kind IN ('after_hours', 'crisis')),
    -- The closed period the reply belongs to: from a closing to the next opening.
    closed_period_start timestamptz NOT NULL,
    closed_period_end timestamptz NOT NULL,
    case_id uuid NOT NULL REFERENCES desk.cases (case_id),
    -- The inbound message that the reply answered.
    inbound_message_id uuid NOT NULL REFERENCES desk.messages (message_id),
    -- The outbound message. A crisis reply also counts as the period's after-hours reply,
    -- so an 'after_hours' row may share the reply_id of a 'crisis' row. The check is
    -- deferred because the row is written before its message.
    reply_id uuid NOT NULL REFERENCES desk.messages (message_id) DEFERRABLE INITIALLY DEFERRED,
    queued_at timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, closed_period_start, kind),
    CHECK (closed_period_start < closed_period_end)
);

-- Alerts published as desk.alert.raised events through desk.outbox. The unique key allows
-- one alert of each kind per case and period.
CREATE TABLE desk.alerts (
    alert_id uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('urgent_after_hours', 'urgent_unclaimed')),
    case_id uuid NOT NULL REFERENCES desk.cases (case_id),
    conversation_id text NOT NULL REFERENCES desk.conversations (conversation_id),
    channel text NOT NULL,
    -- Start of the closed period (urgent_after_hours) or of the open period
    -- (urgent_unclaimed) that the alert belongs to.
    period_start timestamptz NOT NULL,
    raised_at timestamptz NOT NULL,
    UNIQUE (kind, case_id, period_start)
);
