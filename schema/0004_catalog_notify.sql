-- Tells the app servers when catalog data changes, so their page caches drop what they hold
-- (cgi-bin/core/cache.c). NOTIFY is delivered at commit and collapses duplicates within a
-- transaction. A change to seats_taken alone is left to the caches' time limit: enrollments are
-- frequent and seat counts may lag a few seconds on public pages.
CREATE FUNCTION notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['regions', 'categories', 'sites', 'agencies', 'courses'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed()',
                       t || '_notify_catalog', t);
    END LOOP;
END
$$;

-- offerings: every column but seats_taken
CREATE TRIGGER offerings_notify_catalog
    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF course_id, site_id, name, starts_on, ends_on,
        schedule, capacity, price_fen, enroll_opens_at, enroll_closes_at, status
    ON offerings FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
