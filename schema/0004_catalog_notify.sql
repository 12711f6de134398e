-- Tells the app servers when catalog data changes, so their page caches drop what they hold
-- (cgi-bin/core/cache.c). NOTIFY is delivered at commit and collapses duplicates within a
-- transaction; the caches' time limit (page_cache_seconds) is only a safety net.
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
    FOREACH t IN ARRAY ARRAY['regions', 'categories', 'sites', 'agencies', 'courses', 'offerings']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed()',
                       t || '_notify_catalog', t);
    END LOOP;
END
$$;
