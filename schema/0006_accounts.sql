-- Accounts and roles: citizens by phone and SMS code, agency members and staff by password (staff
-- with a TOTP second factor); SMS codes, login failures, family links, agency documents, and the
-- outbox the courier drains. Every limit the app enforces is counted here, in PostgreSQL, so the
-- limits hold across app hosts.

-- Role bits, as in cgi-bin/core/router.h: citizen 2, agency 4, reviewer 8, procure 16, finance 32,
-- admin 64. ROLE_USER (1) is implied by being logged in and never stored.
ALTER TABLE users
    ADD COLUMN phone           text UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    ADD COLUMN roles           int NOT NULL DEFAULT 2 CHECK (roles & ~126 = 0),
    ADD COLUMN agency_id       int REFERENCES agencies (id),
    ADD COLUMN password_hash   text CHECK (password_hash LIKE '$argon2id$%'),
    ADD COLUMN password_set_at timestamptz,
    -- real-name details (PIPL): the ID-card number sealed with AES-256-GCM (key derived from the
    -- server secret, associated data "idcard:<user id>"), a keyed hash so one card has one
    -- account, and the masked form that is all any page ever shows
    ADD COLUMN real_name       text CHECK (length(real_name) BETWEEN 2 AND 50),
    ADD COLUMN idcard_sealed   bytea,
    ADD COLUMN idcard_lookup   bytea UNIQUE CHECK (length(idcard_lookup) = 32),
    ADD COLUMN idcard_masked   text CHECK (idcard_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
    ADD COLUMN birth_date      date,
    ADD COLUMN home_region_id  int REFERENCES regions (id),
    -- staff second factor: the TOTP key sealed like the ID card ("totp:<user id>"); the last
    -- time step accepted, so a code is good once
    ADD COLUMN totp_sealed     bytea,
    ADD COLUMN totp_enabled_at timestamptz,
    ADD COLUMN totp_last_step  bigint,
    ADD CONSTRAINT users_idcard_whole CHECK ((idcard_sealed IS NULL) = (idcard_lookup IS NULL)
                                         AND (idcard_sealed IS NULL) = (idcard_masked IS NULL)
                                         AND (idcard_sealed IS NULL) = (real_name IS NULL)),
    ADD CONSTRAINT users_agency_role CHECK (roles & 4 = 0 OR agency_id IS NOT NULL),
    ADD CONSTRAINT users_totp_whole CHECK (totp_enabled_at IS NULL OR totp_sealed IS NOT NULL),
    ADD CONSTRAINT users_staff_password CHECK (roles & 120 = 0 OR password_hash IS NOT NULL);
CREATE INDEX users_agency_idx ON users (agency_id) WHERE agency_id IS NOT NULL;

-- Agencies register themselves now: pending until an admin decides.
ALTER TABLE agencies
    DROP CONSTRAINT agencies_status_check,
    ADD CONSTRAINT agencies_status_check
        CHECK (status IN ('pending', 'approved', 'rejected', 'suspended')),
    ADD COLUMN contact_name  text CHECK (length(contact_name) BETWEEN 2 AND 50),
    ADD COLUMN decided_at    timestamptz,
    ADD COLUMN decided_by    bigint REFERENCES users (id),
    ADD COLUMN decision_note text CHECK (length(decision_note) <= 500);

-- A session that has passed the password but not yet the second factor holds the user here, not
-- in user_id, so nothing treats it as logged in. auth_method records how the login was proved.
ALTER TABLE sessions
    ADD COLUMN pending_user_id bigint REFERENCES users (id) ON DELETE CASCADE,
    ADD COLUMN pending_until   timestamptz,
    ADD COLUMN auth_method     text
        CHECK (auth_method IN ('sms', 'password', 'password_totp', 'password_recovery')),
    ADD CONSTRAINT sessions_pending_whole CHECK ((pending_user_id IS NULL) = (pending_until IS NULL));

-- One-time SMS codes. Only an HMAC of the code is kept (keyed by the server secret). A newer code
-- for the same phone and purpose supersedes the older ones; five wrong tries burn a code.
CREATE TABLE sms_codes (
    id         bigserial PRIMARY KEY,
    phone      text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    purpose    text NOT NULL CHECK (purpose IN ('login', 'family', 'agency')),
    code_hash  bytea NOT NULL CHECK (length(code_hash) = 32),
    -- the check question's token this code was asked with: a token buys one code
    challenge  text UNIQUE CHECK (length(challenge) <= 64),
    ip         inet,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '5 minutes',
    attempts   int NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
    used_at    timestamptz,
    burnt_at   timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX sms_codes_phone_idx ON sms_codes (phone, created_at);
CREATE INDEX sms_codes_ip_idx ON sms_codes (ip, created_at);

-- Failed logins (a wrong password, SMS code or second factor), counted per account and per
-- address over a sliding window to throttle guessing.
CREATE TABLE login_failures (
    id    bigserial PRIMARY KEY,
    at    timestamptz NOT NULL DEFAULT now(),
    phone text,
    ip    inet,
    kind  text NOT NULL CHECK (kind IN ('password', 'sms_code', 'totp'))
);
CREATE INDEX login_failures_phone_idx ON login_failures (phone, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- Staff recovery codes: only their SHA-256; each works once.
CREATE TABLE recovery_codes (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  bytea NOT NULL CHECK (length(code_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz,
    UNIQUE (user_id, code_hash)
);

-- A family member (carer) who may manage an elder's account, once the elder confirmed by an SMS
-- code sent to the elder's phone.
CREATE TABLE family_links (
    id           bigserial PRIMARY KEY,
    carer_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    elder_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    relation     text NOT NULL CHECK (relation IN ('child', 'spouse', 'grandchild', 'relative', 'other')),
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'revoked')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    revoked_at   timestamptz,
    CHECK (carer_id <> elder_id),
    CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL AND revoked_at IS NULL))
);
CREATE UNIQUE INDEX family_links_live_idx ON family_links (carer_id, elder_id) WHERE status <> 'revoked';

-- An agency's qualification documents. The bytes live in the uploads folder (outside the web
-- root) under storage_name; the type was sniffed from the bytes, not taken from the browser.
CREATE TABLE agency_documents (
    id           bigserial PRIMARY KEY,
    agency_id    int NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('license', 'qualification', 'other')),
    filename     text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    media_type   text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   int NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    sha256       bytea NOT NULL CHECK (length(sha256) = 32),
    storage_name text NOT NULL UNIQUE CHECK (storage_name ~ '^[0-9a-f]{32}$'),
    uploaded_by  bigint REFERENCES users (id),
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_documents_agency_idx ON agency_documents (agency_id);

-- The outbox (docs/outbox.md): work for `coursemart courier`, inserted in the same transaction as
-- the data it belongs to. dedupe_key makes enqueueing idempotent.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
    dedupe_key   text NOT NULL UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 200),
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
    attempts     int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts int NOT NULL DEFAULT 8 CHECK (max_attempts BETWEEN 1 AND 100),
    run_at       timestamptz NOT NULL DEFAULT now(),
    lease_until  timestamptz,
    last_error   text,
    provider_id  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    done_at      timestamptz,
    CHECK ((status IN ('done', 'dead')) = (done_at IS NOT NULL))
);
CREATE INDEX outbox_due_idx ON outbox (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX outbox_dead_idx ON outbox (done_at) WHERE status = 'dead';

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;
-- Wakes the couriers when there is new or rescheduled work (not when one claims or finishes a job);
-- PostgreSQL folds the identical notifications of one transaction into one.
CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE ON outbox
    FOR EACH ROW WHEN (NEW.status = 'pending') EXECUTE FUNCTION outbox_notify();
