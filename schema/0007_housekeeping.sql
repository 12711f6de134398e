-- Housekeeping: what the limits and logins no longer need is forgotten once a day (the courier's
-- "housekeeping" job calls forget_expired()). SMS codes and failed logins count toward limits
-- for at most a day, so two days is enough; a session is kept a day past its end so "where you
-- are logged in" never shows a ghost. Audit rows and the outbox's record are never touched here.
CREATE FUNCTION forget_expired() RETURNS TABLE (sessions bigint, sms_codes bigint, login_failures bigint)
LANGUAGE sql AS $$
    WITH s AS (DELETE FROM sessions
                WHERE expires_at < now() - interval '1 day'
                   OR last_seen_at + idle_timeout < now() - interval '1 day'
               RETURNING 1),
         c AS (DELETE FROM sms_codes WHERE created_at < now() - interval '2 days' RETURNING 1),
         f AS (DELETE FROM login_failures WHERE at < now() - interval '2 days' RETURNING 1)
    SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM c), (SELECT count(*) FROM f);
$$;
