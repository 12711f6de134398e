-- The review desk: /standard publishes the admission standard from admission_items and is a
-- cached public page, so a change of the items tells the page caches (as catalog rows do,
-- 0004_catalog_notify.sql; the categories' price guides are covered there already).
CREATE TRIGGER admission_items_notify_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON admission_items FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
