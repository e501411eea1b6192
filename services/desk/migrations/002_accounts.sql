-- Accounts of counselors, supervisors and city staff, their API tokens and browser sessions,
-- and the audit log of who read or changed what.

CREATE TABLE desk.accounts (
    account_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login text NOT NULL CHECK (login = btrim(login) AND length(login) BETWEEN 1 AND 254),
    display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
    role text NOT NULL CHECK (role IN ('counselor', 'supervisor', 'city')),
    -- argon2id hash in PHC string format. NULL only for the operator account, which acts for
    -- DESK_API_TOKEN and cannot log in with a password.
    password_hash text,
    is_operator boolean NOT NULL DEFAULT false,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES desk.accounts (account_id),
    deactivated_at timestamptz,
    CHECK (is_operator OR password_hash IS NOT NULL),
    CHECK (NOT is_operator OR role = 'supervisor'),
    CHECK (active = (deactivated_at IS NULL))
);

-- Logins compare without case, so "Sato@example.jp" and "sato@example.jp" are one account.
CREATE UNIQUE INDEX accounts_login_unique ON desk.accounts (lower(login));
CREATE UNIQUE INDEX accounts_one_operator ON desk.accounts (is_operator) WHERE is_operator;

CREATE TABLE desk.api_tokens (
    token_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id uuid NOT NULL REFERENCES desk.accounts (account_id),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    -- Hex SHA-256 of the token. The token itself is returned once and never stored.
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);

CREATE INDEX api_tokens_by_account ON desk.api_tokens (account_id);

CREATE TABLE desk.sessions (
    -- Hex SHA-256 of the random session id that the browser keeps in its cookie.
    session_hash text PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES desk.accounts (account_id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_by_account ON desk.sessions (account_id);
CREATE INDEX sessions_by_expiry ON desk.sessions (expires_at);

CREATE TABLE desk.audit_log (
    audit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL for a failed login with a login name that matches no account.
    account_id uuid REFERENCES desk.accounts (account_id),
    -- Such as case.read, case.claim, reply.create, report.read, session.login.
    action text NOT NULL,
    case_id uuid REFERENCES desk.cases (case_id),
    at timestamptz NOT NULL DEFAULT now(),
    -- The X-Request-ID of the HTTP request, which the desk's log lines carry too.
    request_id text,
    -- Parameters of the action, such as a report's date range. Never a message text.
    detail jsonb
);

CREATE INDEX audit_log_by_case ON desk.audit_log (case_id, audit_id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_by_account ON desk.audit_log (account_id, audit_id);
