-- The catalog: the learning-site network, categories, agencies, courses and their offerings (班次),
-- with character-bigram search for Chinese text and great-circle distance for the learning map.

-- Search grams of a document: every single character and every adjacent pair, lower-cased, without
-- whitespace. Chinese words are mostly two characters, so trigrams (pg_trgm) would miss them.
CREATE FUNCTION bigrams(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
      FROM (SELECT lower(doc) AS d) s,
           LATERAL (SELECT substr(s.d, i, 1) AS g FROM generate_series(1, length(s.d)) AS i
                    UNION ALL
                    SELECT substr(s.d, i, 2) FROM generate_series(1, length(s.d) - 1) AS i) grams
     WHERE g !~ '\s'
$$;

-- Grams a query must contain: its pairs, or the character itself for a one-character query.
CREATE FUNCTION query_bigrams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN length(regexp_replace(q, '\s', '', 'g')) <= 1
                THEN bigrams(q)
                ELSE coalesce((SELECT array_agg(DISTINCT g)
                                 FROM (SELECT substr(lower(q), i, 2) AS g
                                         FROM generate_series(1, length(q) - 1) AS i) p
                                WHERE g !~ '\s'), '{}')
           END
$$;

-- Great-circle distance in metres (haversine); accurate to well under 1% at city scale.
CREATE FUNCTION distance_m(lat1 double precision, lng1 double precision,
                           lat2 double precision, lng2 double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 2 * 6371008.8 * asin(sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2) +
        cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2)))
$$;

-- The administrative tree: city → district → street → community.
CREATE TABLE regions (
    id        serial PRIMARY KEY,
    parent_id int REFERENCES regions (id),
    level     text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
    name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    name_en   text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 80),
    code      text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6,12}$'),
    CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_id);

CREATE TABLE categories (
    id      serial PRIMARY KEY,
    slug    text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,40}$'),
    name    text NOT NULL UNIQUE,
    name_en text NOT NULL UNIQUE,
    sort    int NOT NULL DEFAULT 0
);

-- Learning sites in the four-level network (DESIGN.md; seed 003):
-- 1 city community university, 2 district community college, 3 street learning centre,
-- 4 community school or teaching point.
CREATE TABLE sites (
    id            serial PRIMARY KEY,
    parent_id     int REFERENCES sites (id),
    level         smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
    region_id     int NOT NULL REFERENCES regions (id),
    name          text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 80),
    address       text NOT NULL CHECK (length(address) BETWEEN 4 AND 200),
    lat           double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng           double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    phone         text CHECK (phone ~ '^[0-9-]{7,20}$'),
    opening_hours text NOT NULL DEFAULT '',
    step_free     boolean NOT NULL DEFAULT false,
    description   text NOT NULL DEFAULT '',
    CHECK ((level = 1) = (parent_id IS NULL))
);
CREATE INDEX sites_region_idx ON sites (region_id);
CREATE INDEX sites_parent_idx ON sites (parent_id);
CREATE INDEX sites_latlng_idx ON sites (lat, lng);

CREATE TABLE agencies (
    id            serial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 100),
    credit_code   text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    region_id     int NOT NULL REFERENCES regions (id),
    intro         text NOT NULL DEFAULT '',
    address       text NOT NULL DEFAULT '',
    contact_phone text CHECK (contact_phone ~ '^[0-9-]{7,20}$'),
    founded_year  smallint CHECK (founded_year BETWEEN 1949 AND 2100),
    status        text NOT NULL DEFAULT 'approved' CHECK (status IN ('pending', 'approved', 'suspended')),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE courses (
    id           serial PRIMARY KEY,
    agency_id    int NOT NULL REFERENCES agencies (id),
    category_id  int NOT NULL REFERENCES categories (id),
    title        text NOT NULL CHECK (length(title) BETWEEN 2 AND 80),
    summary      text NOT NULL CHECK (length(summary) BETWEEN 2 AND 300),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    audience     text NOT NULL CHECK (audience IN ('all', 'seniors', 'migrant_workers', 'youth',
                                                   'parents', 'farmers', 'disabled', 'jobseekers')),
    mode         text NOT NULL CHECK (mode IN ('online', 'offline', 'blended')),
    credits      numeric(4, 1) NOT NULL DEFAULT 0 CHECK (credits >= 0),
    hours        smallint NOT NULL DEFAULT 0 CHECK (hours >= 0),
    status       text NOT NULL DEFAULT 'listed' CHECK (status IN ('draft', 'listed', 'unlisted')),
    rating_sum   int NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
    rating_count int NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- Facts about the course's offerings, kept by the trigger below so the catalog reads one table.
    min_price_fen bigint NOT NULL DEFAULT 0,
    max_price_fen bigint NOT NULL DEFAULT 0,
    district_ids  int[] NOT NULL DEFAULT '{}',
    next_start    date,
    open_offerings int NOT NULL DEFAULT 0,
    search_text  text GENERATED ALWAYS AS (lower(title || ' ' || summary)) STORED,
    search_grams text[] GENERATED ALWAYS AS (bigrams(lower(title || ' ' || summary))) STORED,
    CHECK (rating_sum <= rating_count * 5)
);
CREATE INDEX courses_grams_idx ON courses USING gin (search_grams);
CREATE INDEX courses_listed_idx ON courses (category_id, next_start) WHERE status = 'listed';
CREATE INDEX courses_agency_idx ON courses (agency_id);
CREATE INDEX courses_district_idx ON courses USING gin (district_ids);

CREATE TABLE offerings (
    id               serial PRIMARY KEY,
    course_id        int NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    site_id          int REFERENCES sites (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
    starts_on        date NOT NULL,
    ends_on          date NOT NULL,
    schedule         text NOT NULL CHECK (length(schedule) BETWEEN 2 AND 100),
    capacity         int NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
    seats_taken      int NOT NULL DEFAULT 0 CHECK (seats_taken >= 0),
    price_fen        bigint NOT NULL CHECK (price_fen BETWEEN 0 AND 100000000),
    enroll_opens_at  timestamptz NOT NULL,
    enroll_closes_at timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
    CHECK (ends_on >= starts_on),
    CHECK (enroll_closes_at > enroll_opens_at),
    CHECK (seats_taken <= capacity)
);
CREATE INDEX offerings_course_idx ON offerings (course_id);
CREATE INDEX offerings_site_idx ON offerings (site_id);

-- Recomputes the offering facts of the given courses in one statement. The district of a site is
-- its region or the region's district ancestor.
CREATE FUNCTION refresh_course_facts(cids int[]) RETURNS void LANGUAGE sql AS $$
    WITH RECURSIVE up AS (
        SELECT s.id AS site_id, r.id, r.parent_id, r.level
          FROM sites s JOIN regions r ON r.id = s.region_id
        UNION ALL
        SELECT up.site_id, p.id, p.parent_id, p.level FROM up JOIN regions p ON p.id = up.parent_id
    ), site_district AS (
        SELECT site_id, id AS district_id FROM up WHERE level = 'district'
    ), f AS (
        SELECT c.id,
               min(o.price_fen) AS min_price,
               max(o.price_fen) AS max_price,
               array_agg(DISTINCT sd.district_id) FILTER (WHERE sd.district_id IS NOT NULL)
                   AS districts,
               min(o.starts_on) FILTER (WHERE o.starts_on >= current_date) AS next_start,
               count(o.id) FILTER (WHERE o.status = 'open' AND o.ends_on >= current_date)::int
                   AS open_count
          FROM unnest(cids) AS c(id)
          LEFT JOIN offerings o ON o.course_id = c.id AND o.status <> 'cancelled'
          LEFT JOIN site_district sd ON sd.site_id = o.site_id
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

CREATE FUNCTION refresh_course_facts(cid int) RETURNS void LANGUAGE sql AS $$
    SELECT refresh_course_facts(ARRAY[cid])
$$;

-- next_start and open_offerings depend on the date: a daily job calls this.
CREATE FUNCTION refresh_all_course_facts() RETURNS void LANGUAGE sql AS $$
    SELECT refresh_course_facts(array_agg(id)) FROM courses
$$;

-- Statement-level, over transition tables: loading 800 offerings refreshes each course once.
CREATE FUNCTION offerings_refresh_courses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_course_facts(ARRAY(SELECT DISTINCT course_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM refresh_course_facts(ARRAY(SELECT DISTINCT course_id FROM old_rows));
    ELSE
        PERFORM refresh_course_facts(ARRAY(SELECT course_id FROM new_rows
                                           UNION SELECT course_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER offerings_facts_insert AFTER INSERT ON offerings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_courses();
CREATE TRIGGER offerings_facts_update AFTER UPDATE ON offerings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_courses();
CREATE TRIGGER offerings_facts_delete AFTER DELETE ON offerings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION offerings_refresh_courses();
