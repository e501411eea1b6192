-- A crisis reply and its urgent_after_hours alert once per urgent episode instead of once
-- per closed period, and no stored rows for LINE groups and rooms. apply_migrations runs
-- this file inside one transaction.

-- An urgent episode of a case starts with the case_events row that made the case urgent:
-- 'opened' (it opened urgent, or it opened in an urgent conversation), 'reopened' (after a
-- counselor's close) or 'marked_urgent' (the first urgent message after a counselor's
-- clear). A crisis marker names the row that started its episode. After-hours markers
-- keep NULL, because the after-hours reply stays once per conversation and closed period.
ALTER TABLE desk.automatic_replies
    ADD COLUMN episode_event_id bigint REFERENCES desk.case_events (case_event_id);

-- Crisis markers written before this migration get the latest episode start of their case
-- at the time they were queued, or else the case's earliest one. A case without either
-- still has the 'crisis_reply_queued' row of the marker, so the last fallback is its
-- earliest row of any kind.
UPDATE desk.automatic_replies r
SET episode_event_id = COALESCE(
    (SELECT max(e.case_event_id) FROM desk.case_events e
      WHERE e.case_id = r.case_id AND e.kind IN ('opened', 'reopened', 'marked_urgent')
        AND e.occurred_at <= r.queued_at),
    (SELECT min(e.case_event_id) FROM desk.case_events e
      WHERE e.case_id = r.case_id AND e.kind IN ('opened', 'reopened', 'marked_urgent')),
    (SELECT min(e.case_event_id) FROM desk.case_events e WHERE e.case_id = r.case_id))
WHERE r.kind = 'crisis';

ALTER TABLE desk.automatic_replies
    DROP CONSTRAINT automatic_replies_pkey,
    ADD CONSTRAINT automatic_replies_episode_only_for_crisis
        CHECK ((kind = 'crisis') = (episode_event_id IS NOT NULL));

-- These two indexes make the automatic reply idempotent: a redelivered or concurrent event
-- finds the row and queues nothing.
CREATE UNIQUE INDEX automatic_replies_after_hours_once
    ON desk.automatic_replies (conversation_id, closed_period_start)
    WHERE kind = 'after_hours';
CREATE UNIQUE INDEX automatic_replies_crisis_once
    ON desk.automatic_replies (conversation_id, closed_period_start, episode_event_id)
    WHERE kind = 'crisis';
-- Finds the marker of a redelivered inbound message.
CREATE INDEX automatic_replies_by_inbound_message
    ON desk.automatic_replies (inbound_message_id);

-- An urgent_after_hours alert belongs to the episode of its crisis reply, so the unique key
-- of that kind includes the episode. urgent_unclaimed keeps one alert per case and open
-- period.
ALTER TABLE desk.alerts
    ADD COLUMN episode_event_id bigint REFERENCES desk.case_events (case_event_id);

UPDATE desk.alerts a
SET episode_event_id = r.episode_event_id
FROM desk.automatic_replies r
WHERE a.kind = 'urgent_after_hours' AND r.kind = 'crisis'
    AND r.case_id = a.case_id AND r.closed_period_start = a.period_start;

-- An alert without a matching marker takes its case's first episode, or else the case's
-- earliest row, such as its 'urgent_after_hours_alert_raised' row.
UPDATE desk.alerts a
SET episode_event_id = COALESCE(
    (SELECT min(e.case_event_id) FROM desk.case_events e
      WHERE e.case_id = a.case_id AND e.kind IN ('opened', 'reopened', 'marked_urgent')),
    (SELECT min(e.case_event_id) FROM desk.case_events e WHERE e.case_id = a.case_id))
WHERE a.kind = 'urgent_after_hours' AND a.episode_event_id IS NULL;

ALTER TABLE desk.alerts
    DROP CONSTRAINT alerts_kind_case_id_period_start_key,
    ADD CONSTRAINT alerts_episode_only_for_after_hours
        CHECK ((kind = 'urgent_after_hours') = (episode_event_id IS NOT NULL));

CREATE UNIQUE INDEX alerts_after_hours_once
    ON desk.alerts (case_id, period_start, episode_event_id)
    WHERE kind = 'urgent_after_hours';
CREATE UNIQUE INDEX alerts_unclaimed_once
    ON desk.alerts (case_id, period_start)
    WHERE kind = 'urgent_unclaimed';

-- Earlier versions stored the text, reasons and LINE group or room id of every group and
-- room message, without a case. Nobody in those chats wrote to the city, so the rows go.
-- A group or room never opened a case, so no case, reply, marker or alert refers to them.
CREATE TEMPORARY TABLE group_conversations ON COMMIT DROP AS
SELECT conversation_id FROM desk.conversations v
WHERE v.source_type <> 'user'
    AND NOT EXISTS (SELECT 1 FROM desk.cases c WHERE c.conversation_id = v.conversation_id);

UPDATE desk.conversations
SET urgent_message_id = NULL
WHERE conversation_id IN (SELECT conversation_id FROM group_conversations);

DELETE FROM desk.messages
WHERE conversation_id IN (SELECT conversation_id FROM group_conversations);

DELETE FROM desk.conversations
WHERE conversation_id IN (SELECT conversation_id FROM group_conversations);
