-- The counselors' queue: conversations, their cases, every message, and an outbox of
-- events to publish. apply_migrations runs this file inside one transaction.

CREATE TABLE desk.conversations (
    conversation_id text PRIMARY KEY,
    channel text NOT NULL,
    source_type text NOT NULL CHECK (source_type IN ('user', 'group', 'room')),
    -- LINE user, group or room id that replies are pushed to. Personal data.
    push_target text NOT NULL,
    priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal')),
    urgent boolean GENERATED ALWAYS AS (priority = 'urgent') STORED,
    topics text[] NOT NULL DEFAULT '{}',
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desk.cases (
    case_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id text NOT NULL REFERENCES desk.conversations (conversation_id),
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'claimed', 'closed')),
    priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal')),
    topics text[] NOT NULL DEFAULT '{}',
    -- Time of the oldest inbound message that no counselor reply has followed yet.
    waiting_since timestamptz,
    opened_at timestamptz NOT NULL,
    closed_at timestamptz,
    last_message_at timestamptz,
    CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);

-- At most one open or claimed case per conversation, so a new message has one case to join.
CREATE UNIQUE INDEX cases_one_active_per_conversation
    ON desk.cases (conversation_id)
    WHERE state IN ('open', 'claimed');

-- Matches the ORDER BY of the queue query: urgent first, then the longest wait.
CREATE INDEX cases_queue_order
    ON desk.cases ((priority = 'urgent') DESC, waiting_since ASC NULLS LAST, opened_at ASC)
    WHERE state IN ('open', 'claimed');

CREATE TABLE desk.messages (
    -- The event_id of an inbound MessageTriaged, or the reply_id of an outbound reply.
    message_id uuid PRIMARY KEY,
    -- NULL for an inbound message that arrived while no case was open and opened none,
    -- such as a message in standby mode.
    case_id uuid REFERENCES desk.cases (case_id),
    conversation_id text NOT NULL REFERENCES desk.conversations (conversation_id),
    direction text NOT NULL CHECK (direction IN ('in', 'out')),
    kind text NOT NULL,
    -- NULL for every kind except text.
    text text,
    sent_at timestamptz NOT NULL,
    correlation_id text NOT NULL,
    webhook_event_id text UNIQUE,
    topics text[] NOT NULL DEFAULT '{}',
    urgent boolean NOT NULL DEFAULT false,
    requested_by text,
    delivery_status text CHECK (delivery_status IN ('queued', 'sent', 'failed')),
    delivery_error text,
    delivered_at timestamptz,
    stored_at timestamptz NOT NULL DEFAULT now(),
    CHECK (
        (direction = 'in' AND webhook_event_id IS NOT NULL AND delivery_status IS NULL)
        OR (direction = 'out' AND case_id IS NOT NULL AND delivery_status IS NOT NULL)
    )
);

CREATE INDEX messages_case_timeline ON desk.messages (case_id, sent_at, stored_at);

-- Finds the latest inbound message of each case for the queue.
CREATE INDEX messages_case_latest_inbound
    ON desk.messages (case_id, sent_at DESC)
    WHERE direction = 'in';

-- Who changed what on a case, and when.
CREATE TABLE desk.case_events (
    case_event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES desk.cases (case_id),
    kind text NOT NULL,
    actor text NOT NULL,
    from_state text,
    to_state text,
    -- The message or reply that caused the change, if any.
    message_id uuid,
    occurred_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX case_events_by_case ON desk.case_events (case_id, case_event_id);

-- Transactional outbox: rows written in the same transaction as the change they announce,
-- published to Kafka afterwards by a background task.
CREATE TABLE desk.outbox (
    outbox_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic text NOT NULL,
    key text NOT NULL,
    -- The event as JSON. A ReplyRequested contains the LINE push target and the reply text.
    payload text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

CREATE INDEX outbox_unpublished ON desk.outbox (outbox_id) WHERE published_at IS NULL;
