-- Case states open, claimed, waiting and closed, the claimant of a case, what a counselor
-- recorded when closing it, and the topics that triage got wrong.

-- No code set 'claimed' before this migration, so such a row has no claimant to keep.
UPDATE desk.cases SET state = 'open' WHERE state = 'claimed';

ALTER TABLE desk.cases DROP CONSTRAINT cases_state_check;
ALTER TABLE desk.cases
    ADD CONSTRAINT cases_state_check
        CHECK (state IN ('open', 'claimed', 'waiting', 'closed')),
    -- The account that holds the case; set exactly while the case is claimed or waiting.
    ADD COLUMN claimed_by uuid REFERENCES desk.accounts (account_id),
    ADD COLUMN claimed_at timestamptz,
    ADD COLUMN closed_by uuid REFERENCES desk.accounts (account_id),
    -- The topics and the age band that the counselor confirmed at the latest close. NULL on
    -- cases that are not closed and on cases closed before this migration.
    ADD COLUMN confirmed_topics text[],
    ADD COLUMN age_band text
        CHECK (age_band IN ('10s', '20s', '30s', '40s', '50s', '60s', '70s+', 'unknown')),
    ADD CONSTRAINT cases_claimed_by_state
        CHECK ((state IN ('claimed', 'waiting')) = (claimed_by IS NOT NULL)),
    ADD CONSTRAINT cases_closing_only_when_closed
        CHECK (state = 'closed' OR (confirmed_topics IS NULL AND age_band IS NULL));

-- Every case that is not closed is active: it is in the queue and new messages join it.
DROP INDEX desk.cases_one_active_per_conversation;
CREATE UNIQUE INDEX cases_one_active_per_conversation
    ON desk.cases (conversation_id)
    WHERE state <> 'closed';

DROP INDEX desk.cases_queue_order;
CREATE INDEX cases_queue_order
    ON desk.cases ((priority = 'urgent') DESC, waiting_since ASC NULLS LAST, opened_at ASC)
    WHERE state <> 'closed';

-- Finds the latest closed case of a conversation, which a new message may reopen.
CREATE INDEX cases_latest_closed
    ON desk.cases (conversation_id, closed_at DESC)
    WHERE state = 'closed';

CREATE INDEX cases_by_opened_at ON desk.cases (opened_at);
CREATE INDEX cases_by_claimant ON desk.cases (claimed_by) WHERE claimed_by IS NOT NULL;

-- Parameters of a move, such as the topics and age band of a close or the new claimant.
ALTER TABLE desk.case_events ADD COLUMN detail jsonb;

-- Closed cases whose confirmed topics differ from triage's: labeled data for the next
-- classifier. Closing again replaces the row, or deletes it when the topics agree.
CREATE TABLE desk.topic_corrections (
    case_id uuid PRIMARY KEY REFERENCES desk.cases (case_id),
    triage_topics text[] NOT NULL,
    confirmed_topics text[] NOT NULL,
    corrected_by uuid NOT NULL REFERENCES desk.accounts (account_id),
    corrected_at timestamptz NOT NULL DEFAULT now()
);
