-- The district each region lies in (itself, its district ancestor, or NULL for the city), defined
-- once for every query that asks "which district?" of a site, an agency or a course's classes.
CREATE VIEW region_districts (region_id, district_id) AS
WITH RECURSIVE rd (region_id, district_id) AS (
    SELECT id, CASE WHEN level = 'district' THEN id END FROM regions WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, CASE WHEN r.level = 'district' THEN r.id ELSE rd.district_id END
      FROM regions r JOIN rd ON r.parent_id = rd.region_id
)
SELECT region_id, district_id FROM rd;

CREATE OR REPLACE FUNCTION refresh_course_facts(cids int[]) RETURNS void LANGUAGE sql AS $$
    WITH f AS (
        SELECT c.id,
               min(o.price_fen) AS min_price,
               max(o.price_fen) AS max_price,
               array_agg(DISTINCT rd.district_id) FILTER (WHERE rd.district_id IS NOT NULL)
                   AS districts,
               min(o.starts_on) FILTER (WHERE o.starts_on >= current_date) AS next_start,
               count(o.id) FILTER (WHERE o.status = 'open' AND o.ends_on >= current_date)::int
                   AS open_count
          FROM unnest(cids) AS c(id)
          LEFT JOIN offerings o ON o.course_id = c.id AND o.status <> 'cancelled'
          LEFT JOIN sites s ON s.id = o.site_id
          LEFT JOIN region_districts rd ON rd.region_id = s.region_id
         GROUP BY c.id)
    UPDATE courses c
       SET min_price_fen  = coalesce(f.min_price, 0),
           max_price_fen  = coalesce(f.max_price, 0),
           district_ids   = coalesce(f.districts, '{}'),
           next_start     = f.next_start,
           open_offerings = f.open_count
      FROM f
     WHERE c.id = f.id
$$;
