-- The rest of triage's result for each inbound message (its reasons and the classifier
-- version, next to the topics and urgent flag that 001 stores), and the message that made
-- each urgent conversation and case urgent. apply_migrations runs this file inside one
-- transaction.

ALTER TABLE desk.messages
    -- Triage's explanations in Japanese. They quote the sender's words, so they are personal
    -- data like `text`. Empty for replies and for messages stored before this migration.
    ADD COLUMN reasons text[] NOT NULL DEFAULT '{}',
    -- NULL for replies and for messages stored before this migration.
    ADD COLUMN classifier_version text;

-- The inbound message whose urgent flag made the row urgent. It is set when the priority
-- becomes urgent, kept while the priority stays urgent, and NULL while it is normal. A case
-- that opens or reopens in an urgent conversation takes the conversation's message, which
-- may belong to an earlier case. The checks are deferred because
-- store.record_triaged_message writes the conversation and the case before the message.
ALTER TABLE desk.conversations
    ADD COLUMN urgent_message_id uuid
        REFERENCES desk.messages (message_id) DEFERRABLE INITIALLY DEFERRED,
    ADD CONSTRAINT conversations_urgent_message_only_when_urgent
        CHECK (urgent_message_id IS NULL OR priority = 'urgent');

ALTER TABLE desk.cases
    ADD COLUMN urgent_message_id uuid
        REFERENCES desk.messages (message_id) DEFERRABLE INITIALLY DEFERRED,
    ADD CONSTRAINT cases_urgent_message_only_when_urgent
        CHECK (urgent_message_id IS NULL OR priority = 'urgent');

-- Rows that are urgent already get a message inferred from the urgent flags, the clears
-- ('urgent_cleared') and the opening and 'marked_urgent' rows of desk.case_events.
-- NOTE: a message's stored_at and an event's occurred_at are both the start time of their
-- transaction, so a message stored while a clear ran may count on the wrong side of it. An
-- urgent row for which no message matches keeps NULL.

-- A conversation: its earliest urgent message since the latest clear of any of its cases,
-- or else its latest urgent message.
UPDATE desk.conversations v
SET urgent_message_id = COALESCE(
    (SELECT m.message_id FROM desk.messages m
      WHERE m.conversation_id = v.conversation_id AND m.direction = 'in' AND m.urgent
        AND m.stored_at >= (
            SELECT COALESCE(max(e.occurred_at), '-infinity')
            FROM desk.case_events e JOIN desk.cases c ON c.case_id = e.case_id
            WHERE c.conversation_id = v.conversation_id AND e.kind = 'urgent_cleared')
      ORDER BY m.sent_at, m.stored_at LIMIT 1),
    (SELECT m.message_id FROM desk.messages m
      WHERE m.conversation_id = v.conversation_id AND m.direction = 'in' AND m.urgent
      ORDER BY m.sent_at DESC, m.stored_at DESC LIMIT 1))
WHERE v.priority = 'urgent';

-- A case that is not closed has the priority of its conversation, so it takes the
-- conversation's message. A closed case takes the message of its latest 'marked_urgent'
-- event after its latest clear, because that event recorded its move from normal to urgent.
-- Without one, the case has been urgent since it opened, so it takes the conversation's
-- earliest urgent message stored after the conversation's latest clear and no later than
-- the opening. The last choice is the case's own earliest urgent message since its latest
-- clear.
WITH opening AS (
    SELECT c.case_id, COALESCE(
        (SELECT min(e.occurred_at) FROM desk.case_events e
          WHERE e.case_id = c.case_id AND e.kind = 'opened'),
        c.opened_at) AS at
    FROM desk.cases c
    WHERE c.priority = 'urgent'
)
UPDATE desk.cases c
SET urgent_message_id = COALESCE(
    (SELECT v.urgent_message_id FROM desk.conversations v
      WHERE v.conversation_id = c.conversation_id AND c.state <> 'closed'),
    (SELECT e.message_id FROM desk.case_events e
      JOIN desk.messages m ON m.message_id = e.message_id AND m.urgent
      WHERE e.case_id = c.case_id AND e.kind = 'marked_urgent'
        AND e.case_event_id > (
            SELECT COALESCE(max(cleared.case_event_id), 0) FROM desk.case_events cleared
            WHERE cleared.case_id = c.case_id AND cleared.kind = 'urgent_cleared')
      ORDER BY e.case_event_id DESC LIMIT 1),
    (SELECT m.message_id FROM desk.messages m
      WHERE m.conversation_id = c.conversation_id AND m.direction = 'in' AND m.urgent
        AND m.stored_at <= opening.at
        AND m.stored_at >= (
            SELECT COALESCE(max(e.occurred_at), '-infinity')
            FROM desk.case_events e JOIN desk.cases other ON other.case_id = e.case_id
            WHERE other.conversation_id = c.conversation_id AND e.kind = 'urgent_cleared'
              AND e.occurred_at <= opening.at)
      ORDER BY m.sent_at, m.stored_at LIMIT 1),
    (SELECT m.message_id FROM desk.messages m
      WHERE m.case_id = c.case_id AND m.direction = 'in' AND m.urgent
        AND m.stored_at >= (
            SELECT COALESCE(max(e.occurred_at), '-infinity') FROM desk.case_events e
            WHERE e.case_id = c.case_id AND e.kind = 'urgent_cleared')
      ORDER BY m.sent_at, m.stored_at LIMIT 1))
FROM opening
WHERE opening.case_id = c.case_id;
