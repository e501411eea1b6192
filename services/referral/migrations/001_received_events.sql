-- Every referral event received, once per event id. The consent flow builds on these rows.
CREATE TABLE referral.received_events (
    event_id uuid PRIMARY KEY,
    referral_id uuid NOT NULL,
    event_type text NOT NULL,
    correlation_id text NOT NULL,
    body jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX received_events_referral_id ON referral.received_events (referral_id);
