-- One row per LINE webhookEventId that some intake process took on. A row in state
-- 'publishing' is a claim with a lease; 'published' means Kafka stored the event.
CREATE TABLE intake.accepted_events (
    webhook_event_id text PRIMARY KEY,
    channel text NOT NULL,
    state text NOT NULL CHECK (state IN ('publishing', 'published')),
    claimed_by uuid NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX accepted_events_claimed_at ON intake.accepted_events (claimed_at)
    WHERE state = 'publishing';
