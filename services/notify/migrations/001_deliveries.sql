-- One row per reply notify was asked to send; the reply id is LINE's retry key too.
CREATE TABLE notify.deliveries (
    reply_id uuid PRIMARY KEY,
    case_id uuid NOT NULL,
    conversation_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('sent', 'failed')),
    line_request_id text,
    error text,
    attempts integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);
