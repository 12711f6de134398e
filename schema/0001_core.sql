-- Core tables: people, browser sessions and the append-only audit trail.
-- Later migrations extend users (phones, roles, passwords); sessions and audit stay as they are here.

CREATE TABLE users (
    id           bigserial PRIMARY KEY,
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    created_at   timestamptz NOT NULL DEFAULT now(),
    disabled_at  timestamptz
);

-- A browser session. The cookie carries a random token; only its SHA-256 is stored, so a leaked
-- table cannot be replayed. user_id is NULL for an anonymous session (e.g. before login).
CREATE TABLE sessions (
    id            bigserial PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    user_id       bigint REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    idle_timeout  interval NOT NULL DEFAULT interval '2 hours',
    expires_at    timestamptz NOT NULL DEFAULT now() + interval '12 hours',
    user_agent    text CHECK (length(user_agent) <= 512),
    ip            inet,
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Every privileged action writes one row here. The table refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    bigint REFERENCES users (id),
    action      text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    object_type text NOT NULL,
    object_id   bigint,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
    ip          inet,
    request_id  text
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
