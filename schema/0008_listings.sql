-- Agency listings and the admission review (准入审核): what agencies write in their console (course
-- texts and cover, offerings with schedule, seats and eligibility, the teacher pool), the published
-- admission standard reviewers judge by, the review of each submission with a verdict per item,
-- and the kept versions of every course.
--
-- The model (docs/listings.md):
--   * courses and offerings hold what is live. A course is public only while status = 'listed';
--     an offering only while its status is not 'draft'.
--   * Before a course is first listed every edit writes the rows directly: nobody sees them yet.
--   * Once listed, a cosmetic edit (texts, cover, audience, hours, schedule wording, eligibility,
--     capacity up, free seats up) is applied at once and recorded as a version. A material edit is
--     kept aside in the row's `pending` (jsonb, only the keys that changed) and a new offering is
--     a 'draft' row, so the approved version stays on sale until a reviewer approves the change.
--     Material: course category_id, mode, credits; offering price_fen, starts_on, ends_on,
--     enroll_opens_at, enroll_closes_at, cancel_until, site_id, capacity (down), free_seats
--     (down), teacher_ids.
--   * Submitting freezes listing_snapshot(course, true) into a listing_reviews row together with
--     the snapshot approved last, so the reviewer sees a diff. One open review per course.
--   * Approving applies the pending changes and drafts (listing_apply), lists the course and
--     records the approved snapshot as a version. Rejecting keeps everything aside for revision.

-- Price guide (指导价) per category, in fen per class hour: a reviewer checks a listing's price
-- against it ("price within the guide for its category"). NULL: no guide for that category.
ALTER TABLE categories
    ADD COLUMN price_guide_fen_per_hour int CHECK (price_guide_fen_per_hour BETWEEN 0 AND 10000000);
UPDATE categories SET price_guide_fen_per_hour = CASE
    WHEN slug IN ('vocational-skills', 'entrepreneurship', 'digital-skills') THEN 6000
    WHEN slug IN ('culture-arts', 'health', 'family-education') THEN 4000
    ELSE 3000 END;

-- The teacher pool (师资库): an agency's full-time, part-time and volunteer teachers with their
-- qualifications. A teacher who leaves is retired (active = false), never deleted, so past
-- offerings keep their teachers.
CREATE TABLE teachers (
    id             serial PRIMARY KEY,
    agency_id      int NOT NULL REFERENCES agencies (id),
    name           text NOT NULL CHECK (length(name) BETWEEN 2 AND 40),
    kind           text NOT NULL CHECK (kind IN ('full_time', 'part_time', 'volunteer')),
    subjects       text NOT NULL DEFAULT '' CHECK (length(subjects) <= 200),
    -- certificates and their numbers, e.g. 高级中学教师资格证 20193300142000123
    qualifications text NOT NULL CHECK (length(qualifications) BETWEEN 2 AND 1000),
    bio            text NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
    active         boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, agency_id)
);
CREATE INDEX teachers_agency_idx ON teachers (agency_id);

ALTER TABLE courses
    ALTER COLUMN status SET DEFAULT 'draft',
    ADD COLUMN outcomes        text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 2000),
    -- the stored name of the cover; the files are <uploads>/covers/<name>.jpg (1200×675) and
    -- <name>-t.jpg (480×270), re-encoded by cgi-bin/core/image.c
    ADD COLUMN cover           text CHECK (cover ~ '^[0-9a-f]{32}$'),
    ADD COLUMN pending         jsonb CHECK (jsonb_typeof(pending) = 'object'
                                            AND pending - ARRAY['category_id', 'mode', 'credits']
                                                = '{}'::jsonb),
    ADD COLUMN listed_at       timestamptz,
    ADD COLUMN unlisted_at     timestamptz,
    ADD COLUMN unlisted_by     text CHECK (unlisted_by IN ('agency', 'staff')),
    ADD COLUMN unlisted_reason text CHECK (length(unlisted_reason) <= 500),
    ADD CONSTRAINT courses_unlisted_whole
        CHECK ((status = 'unlisted') = (unlisted_by IS NOT NULL AND unlisted_at IS NOT NULL)),
    ADD CONSTRAINT courses_listed_once CHECK (status = 'draft' OR listed_at IS NOT NULL),
    ADD CONSTRAINT courses_staff_reason CHECK (unlisted_by IS DISTINCT FROM 'staff'
                                               OR unlisted_reason IS NOT NULL),
    ADD UNIQUE (id, agency_id);
-- What the demo loaded as listed was listed when it was loaded.
UPDATE courses SET listed_at = created_at WHERE status <> 'draft' AND listed_at IS NULL;
UPDATE courses SET unlisted_at = updated_at, unlisted_by = 'agency' WHERE status = 'unlisted';

ALTER TABLE offerings
    DROP CONSTRAINT offerings_status_check,
    ADD CONSTRAINT offerings_status_check
        CHECK (status IN ('draft', 'open', 'closed', 'cancelled')),
    -- the weekly schedule: weekdays as bits (1 Monday … 64 Sunday) and the hours of a class;
    -- `schedule` stays the words shown (每周二、四 09:00–11:00), written from these by the console
    ADD COLUMN weekdays           smallint CHECK (weekdays BETWEEN 1 AND 127),
    ADD COLUMN time_from          time,
    ADD COLUMN time_to            time,
    -- seats reserved as a free public-interest quota (公益名额) within capacity
    ADD COLUMN free_seats         int NOT NULL DEFAULT 0 CHECK (free_seats >= 0),
    -- a learner may cancel (and be refunded) until then; NULL: until the enrollment window closes
    ADD COLUMN cancel_until       timestamptz,
    -- eligibility: a minimum age on the day the offering starts, and residence in a region (a
    -- district or street; its streets and communities count)
    ADD COLUMN min_age            smallint CHECK (min_age BETWEEN 1 AND 120),
    ADD COLUMN residence_region_id int REFERENCES regions (id),
    ADD COLUMN pending            jsonb CHECK (jsonb_typeof(pending) = 'object'
                                               AND pending - ARRAY['price_fen', 'starts_on',
                                                                   'ends_on', 'enroll_opens_at',
                                                                   'enroll_closes_at', 'cancel_until',
                                                                   'site_id', 'capacity',
                                                                   'free_seats', 'teacher_ids']
                                                   = '{}'::jsonb),
    ADD COLUMN created_at         timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT offerings_free_within CHECK (free_seats <= capacity),
    ADD CONSTRAINT offerings_hours_whole
        CHECK ((weekdays IS NULL) = (time_from IS NULL) AND (time_from IS NULL) = (time_to IS NULL)),
    ADD CONSTRAINT offerings_hours_order CHECK (time_to > time_from),
    ADD CONSTRAINT offerings_cancel_window
        CHECK (cancel_until IS NULL OR cancel_until <= starts_on::timestamp AT TIME ZONE 'Asia/Shanghai'
                                                       + interval '1 day'),
    -- a draft offering has no pending changes: it is itself pending
    ADD CONSTRAINT offerings_draft_plain CHECK (status <> 'draft' OR pending IS NULL);

-- Teachers on an offering; the teacher must be of the offering's agency (agency_id is carried so
-- the foreign keys can say so).
CREATE TABLE offering_teachers (
    offering_id int NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    teacher_id  int NOT NULL,
    agency_id   int NOT NULL,
    PRIMARY KEY (offering_id, teacher_id),
    FOREIGN KEY (teacher_id, agency_id) REFERENCES teachers (id, agency_id)
);
CREATE INDEX offering_teachers_teacher_idx ON offering_teachers (teacher_id);

CREATE FUNCTION offering_teachers_same_agency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM offerings o JOIN courses c ON c.id = o.course_id
                    WHERE o.id = NEW.offering_id AND c.agency_id = NEW.agency_id) THEN
        RAISE EXCEPTION 'teacher % is not of the agency of offering %', NEW.teacher_id,
            NEW.offering_id USING ERRCODE = 'check_violation',
                                  CONSTRAINT = 'offering_teachers_same_agency';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER offering_teachers_same_agency BEFORE INSERT OR UPDATE ON offering_teachers
    FOR EACH ROW EXECUTE FUNCTION offering_teachers_same_agency();

-- The admission standard (准入标准): a checklist admins edit and anyone may read at /standard.
-- An item that is no longer used is retired (active = false), never deleted, so old decisions
-- still name it; decisions also keep the wording they were made against.
CREATE TABLE admission_items (
    id         serial PRIMARY KEY,
    title      text NOT NULL UNIQUE CHECK (length(title) BETWEEN 2 AND 100),
    title_en   text NOT NULL CHECK (length(title_en) BETWEEN 2 AND 200),
    guidance   text NOT NULL DEFAULT '' CHECK (length(guidance) <= 1000),
    guidance_en text NOT NULL DEFAULT '' CHECK (length(guidance_en) <= 2000),
    sort       int NOT NULL DEFAULT 0,
    active     boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES users (id)
);
INSERT INTO admission_items (title, title_en, guidance, guidance_en, sort) VALUES
    ('机构资质齐全', 'Agency qualifications on file',
     '营业执照或办学许可证在有效期内，与机构名称、统一社会信用代码一致。',
     'A business licence or school-running permit in force, matching the agency''s name and credit code.', 10),
    ('教师具备相应资质', 'Teachers qualified for the subject',
     '每个班次至少一名教师，其资格证书或职业资格与课程内容相符。',
     'Every offering has at least one teacher whose certificate or professional qualification fits the subject.', 20),
    ('场地安全且无障碍', 'Venue safe and accessible',
     '线下班次在学习网络的站点举办；场地有消防验收，适合老年学员出入。',
     'Offline offerings are held at a site of the learning network, with a fire-safety acceptance and access suitable for older learners.', 30),
    ('价格符合类目指导价', 'Price within the guide for its category',
     '按课时折算的价格不高于该类目的指导价；公益名额与免费课程如实标注。',
     'The price per class hour is not above the guide for the category; free public-interest seats and free courses are stated truthfully.', 40),
    ('内容健康适宜', 'Content appropriate',
     '课程内容积极健康，符合社会主义核心价值观，无虚假宣传，学习成果描述真实可评。',
     'Content is sound and suitable for the public, free of false claims; the learning outcomes are real and assessable.', 50);

-- One submission of a course for review, and the reviewer's decision. proposed is the course as
-- submitted (listing_snapshot with pending changes); approved_before is the last approved
-- snapshot (NULL when the course was never approved), so the diff never depends on later edits.
CREATE TABLE listing_reviews (
    id              bigserial PRIMARY KEY,
    course_id       int NOT NULL REFERENCES courses (id),
    kind            text NOT NULL CHECK (kind IN ('new', 'change', 'relist')),
    state           text NOT NULL DEFAULT 'submitted'
                        CHECK (state IN ('submitted', 'approved', 'rejected', 'withdrawn')),
    proposed        jsonb NOT NULL,
    approved_before jsonb,
    note            text CHECK (length(note) <= 500), -- the agency's words to the reviewer
    submitted_by    bigint REFERENCES users (id),
    submitted_at    timestamptz NOT NULL DEFAULT now(),
    claimed_by      bigint REFERENCES users (id),
    claimed_at      timestamptz,
    decided_by      bigint REFERENCES users (id),
    decided_at      timestamptz,
    reasons         text CHECK (length(reasons) BETWEEN 1 AND 2000),
    CHECK ((claimed_by IS NULL) = (claimed_at IS NULL)),
    CHECK ((state IN ('approved', 'rejected')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (state <> 'rejected' OR reasons IS NOT NULL)
);
CREATE UNIQUE INDEX listing_reviews_open_idx ON listing_reviews (course_id) WHERE state = 'submitted';
CREATE INDEX listing_reviews_queue_idx ON listing_reviews (submitted_at) WHERE state = 'submitted';
CREATE INDEX listing_reviews_course_idx ON listing_reviews (course_id, id);

-- A decision's verdict on each item of the standard, with the item's wording at the time.
CREATE TABLE review_verdicts (
    review_id  bigint NOT NULL REFERENCES listing_reviews (id),
    item_id    int NOT NULL REFERENCES admission_items (id),
    item_title text NOT NULL,
    verdict    text NOT NULL CHECK (verdict IN ('pass', 'fail', 'na')),
    note       text CHECK (length(note) <= 500),
    PRIMARY KEY (review_id, item_id)
);

-- Every version a course has had on sale: each approval, and each cosmetic edit made while
-- listed. Kept for good: the table refuses UPDATE and DELETE.
CREATE TABLE course_versions (
    id        bigserial PRIMARY KEY,
    course_id int NOT NULL REFERENCES courses (id),
    no        int NOT NULL CHECK (no >= 1),
    cause     text NOT NULL CHECK (cause IN ('approved', 'cosmetic')),
    review_id bigint REFERENCES listing_reviews (id),
    snapshot  jsonb NOT NULL,
    made_by   bigint REFERENCES users (id),
    made_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, no),
    CHECK ((cause = 'approved') = (review_id IS NOT NULL))
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are kept for good', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER course_versions_kept BEFORE UPDATE OR DELETE ON course_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER review_verdicts_kept BEFORE UPDATE OR DELETE ON review_verdicts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A course as one JSON document: its fields and its offerings (cancelled ones left out) with
-- their teachers. with_pending: as the agency would have it (pending changes applied, draft
-- offerings included); otherwise as it is on sale now (draft offerings left out). Keys are the
-- column names; site, residence and category carry their names too, so a diff reads without
-- further look-ups.
CREATE FUNCTION listing_snapshot(cid int, with_pending boolean) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH c AS (
        SELECT c.*, CASE WHEN with_pending THEN coalesce(c.pending, '{}') ELSE '{}' END AS p
          FROM courses c WHERE c.id = cid
    ), cc AS (
        SELECT c.*,
               CASE WHEN p ? 'category_id' THEN (p ->> 'category_id')::int ELSE category_id END AS v_category_id,
               CASE WHEN p ? 'mode' THEN p ->> 'mode' ELSE mode END AS v_mode,
               CASE WHEN p ? 'credits' THEN (p ->> 'credits')::numeric ELSE credits END AS v_credits
          FROM c
    ), o AS (
        SELECT o.*, CASE WHEN with_pending THEN coalesce(o.pending, '{}') ELSE '{}' END AS p
          FROM offerings o
         WHERE o.course_id = cid AND o.status <> 'cancelled' AND (with_pending OR o.status <> 'draft')
    ), ov AS (
        SELECT o.id, o.name, o.status, o.schedule, o.weekdays, o.time_from, o.time_to, o.min_age,
               o.residence_region_id,
               CASE WHEN p ? 'price_fen' THEN (p ->> 'price_fen')::bigint ELSE price_fen END AS price_fen,
               CASE WHEN p ? 'starts_on' THEN (p ->> 'starts_on')::date ELSE starts_on END AS starts_on,
               CASE WHEN p ? 'ends_on' THEN (p ->> 'ends_on')::date ELSE ends_on END AS ends_on,
               CASE WHEN p ? 'enroll_opens_at' THEN (p ->> 'enroll_opens_at')::timestamptz
                    ELSE enroll_opens_at END AS enroll_opens_at,
               CASE WHEN p ? 'enroll_closes_at' THEN (p ->> 'enroll_closes_at')::timestamptz
                    ELSE enroll_closes_at END AS enroll_closes_at,
               CASE WHEN p ? 'cancel_until' THEN (p ->> 'cancel_until')::timestamptz
                    ELSE cancel_until END AS cancel_until,
               CASE WHEN p ? 'site_id' THEN (p ->> 'site_id')::int ELSE site_id END AS site_id,
               CASE WHEN p ? 'capacity' THEN (p ->> 'capacity')::int ELSE capacity END AS capacity,
               CASE WHEN p ? 'free_seats' THEN (p ->> 'free_seats')::int ELSE free_seats END AS free_seats,
               CASE WHEN p ? 'teacher_ids'
                    THEN ARRAY(SELECT jsonb_array_elements_text(p -> 'teacher_ids')::int ORDER BY 1)
                    ELSE ARRAY(SELECT teacher_id FROM offering_teachers t
                                WHERE t.offering_id = o.id ORDER BY 1) END AS teacher_ids
          FROM o
    )
    SELECT jsonb_build_object(
        'id', cc.id,
        'agency_id', cc.agency_id,
        'title', cc.title, 'summary', cc.summary, 'description', cc.description,
        'outcomes', cc.outcomes, 'audience', cc.audience, 'hours', cc.hours, 'cover', cc.cover,
        'category_id', cc.v_category_id,
        'category', (SELECT name FROM categories WHERE id = cc.v_category_id),
        'mode', cc.v_mode, 'credits', cc.v_credits,
        'offerings', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'id', ov.id, 'name', ov.name, 'status', ov.status, 'schedule', ov.schedule,
                'weekdays', ov.weekdays, 'time_from', to_char(ov.time_from, 'HH24:MI'),
                'time_to', to_char(ov.time_to, 'HH24:MI'),
                'starts_on', ov.starts_on, 'ends_on', ov.ends_on,
                'enroll_opens_at', ov.enroll_opens_at, 'enroll_closes_at', ov.enroll_closes_at,
                'cancel_until', ov.cancel_until,
                'site_id', ov.site_id, 'site', (SELECT name FROM sites WHERE id = ov.site_id),
                'capacity', ov.capacity, 'free_seats', ov.free_seats, 'price_fen', ov.price_fen,
                'min_age', ov.min_age, 'residence_region_id', ov.residence_region_id,
                'residence', (SELECT name FROM regions WHERE id = ov.residence_region_id),
                'teacher_ids', to_jsonb(ov.teacher_ids),
                'teachers', coalesce((SELECT jsonb_agg(t.name ORDER BY t.id) FROM teachers t
                                       WHERE t.id = ANY (ov.teacher_ids)), '[]'))
                ORDER BY ov.starts_on, ov.id)
              FROM ov), '[]'))
      FROM cc
$$;

-- Whether the course has changes waiting for review: pending values, or draft offerings.
CREATE FUNCTION listing_has_changes(cid int) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM courses WHERE id = cid AND pending IS NOT NULL)
        OR EXISTS (SELECT 1 FROM offerings WHERE course_id = cid
                      AND (pending IS NOT NULL OR status = 'draft'))
$$;

-- Where a course stands, as the agency's console and the review desk show it:
--   draft, submitted, rejected (never listed; last review rejected);
--   listed, listed_changes (changes not yet submitted), listed_review, listed_rejected;
--   unlisted, unlisted_review (asked to come back).
CREATE VIEW course_listing_state AS
SELECT c.id AS course_id, c.agency_id, c.status,
       r.id AS review_id, r.state AS review_state, r.kind AS review_kind,
       r.reasons AS review_reasons, r.decided_at AS review_decided_at,
       listing_has_changes(c.id) AS has_changes,
       CASE
           WHEN c.status = 'draft' THEN
               CASE WHEN r.state = 'submitted' THEN 'submitted'
                    WHEN r.state = 'rejected' THEN 'rejected'
                    ELSE 'draft' END
           WHEN c.status = 'listed' THEN
               CASE WHEN r.state = 'submitted' THEN 'listed_review'
                    WHEN r.state = 'rejected' AND listing_has_changes(c.id) THEN 'listed_rejected'
                    WHEN listing_has_changes(c.id) THEN 'listed_changes'
                    ELSE 'listed' END
           ELSE CASE WHEN r.state = 'submitted' THEN 'unlisted_review' ELSE 'unlisted' END
       END AS stage
  FROM courses c
  LEFT JOIN LATERAL (SELECT * FROM listing_reviews lr WHERE lr.course_id = c.id
                      ORDER BY lr.id DESC LIMIT 1) r ON true;

-- Submits a course for review: freezes what is proposed and what was approved last. kind is
-- 'new' for a course never listed, 'relist' for an unlisted one, else 'change'. Raises
-- unique_violation (listing_reviews_open_idx) when a review is already open.
CREATE FUNCTION listing_submit(cid int, uid bigint, agency_note text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    st text;
    rid bigint;
BEGIN
    SELECT status INTO STRICT st FROM courses WHERE id = cid FOR UPDATE;
    INSERT INTO listing_reviews (course_id, kind, proposed, approved_before, note, submitted_by)
    VALUES (cid,
            CASE st WHEN 'draft' THEN 'new' WHEN 'unlisted' THEN 'relist' ELSE 'change' END,
            listing_snapshot(cid, true),
            (SELECT snapshot FROM course_versions WHERE course_id = cid ORDER BY no DESC LIMIT 1),
            agency_note, uid)
    RETURNING id INTO rid;
    RETURN rid;
END
$$;

-- Records the course as it is now on sale as its next version.
CREATE FUNCTION listing_record_version(cid int, why text, rid bigint, uid bigint) RETURNS int
LANGUAGE sql AS $$
    INSERT INTO course_versions (course_id, no, cause, review_id, snapshot, made_by)
    SELECT cid, coalesce((SELECT max(no) FROM course_versions WHERE course_id = cid), 0) + 1,
           why, rid, listing_snapshot(cid, false), uid
    RETURNING no
$$;

-- Applies a course's pending changes and draft offerings and lists it. The schema's constraints
-- check the result (an approval that would break one fails whole).
CREATE FUNCTION listing_apply(cid int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE courses c
       SET category_id = CASE WHEN p ? 'category_id' THEN (p ->> 'category_id')::int ELSE category_id END,
           mode        = CASE WHEN p ? 'mode' THEN p ->> 'mode' ELSE mode END,
           credits     = CASE WHEN p ? 'credits' THEN (p ->> 'credits')::numeric ELSE credits END,
           pending = NULL, status = 'listed', listed_at = coalesce(listed_at, now()),
           unlisted_at = NULL, unlisted_by = NULL, unlisted_reason = NULL, updated_at = now()
      FROM (SELECT coalesce(pending, '{}') AS p FROM courses WHERE id = cid) x
     WHERE c.id = cid;

    DELETE FROM offering_teachers t USING offerings o
     WHERE o.id = t.offering_id AND o.course_id = cid AND o.pending ? 'teacher_ids';
    INSERT INTO offering_teachers (offering_id, teacher_id, agency_id)
    SELECT o.id, tid::int, c.agency_id
      FROM offerings o JOIN courses c ON c.id = o.course_id,
           jsonb_array_elements_text(o.pending -> 'teacher_ids') tid
     WHERE o.course_id = cid AND o.pending ? 'teacher_ids';

    UPDATE offerings o
       SET price_fen = CASE WHEN p ? 'price_fen' THEN (p ->> 'price_fen')::bigint ELSE price_fen END,
           starts_on = CASE WHEN p ? 'starts_on' THEN (p ->> 'starts_on')::date ELSE starts_on END,
           ends_on   = CASE WHEN p ? 'ends_on' THEN (p ->> 'ends_on')::date ELSE ends_on END,
           enroll_opens_at = CASE WHEN p ? 'enroll_opens_at'
                                  THEN (p ->> 'enroll_opens_at')::timestamptz ELSE enroll_opens_at END,
           enroll_closes_at = CASE WHEN p ? 'enroll_closes_at'
                                   THEN (p ->> 'enroll_closes_at')::timestamptz ELSE enroll_closes_at END,
           cancel_until = CASE WHEN p ? 'cancel_until'
                               THEN (p ->> 'cancel_until')::timestamptz ELSE cancel_until END,
           site_id    = CASE WHEN p ? 'site_id' THEN (p ->> 'site_id')::int ELSE site_id END,
           capacity   = CASE WHEN p ? 'capacity' THEN (p ->> 'capacity')::int ELSE capacity END,
           free_seats = CASE WHEN p ? 'free_seats' THEN (p ->> 'free_seats')::int ELSE free_seats END,
           pending = NULL,
           status = CASE WHEN status = 'draft' THEN 'open' ELSE status END,
           updated_at = now()
      FROM (SELECT id AS oid, coalesce(pending, '{}') AS p FROM offerings
             WHERE course_id = cid AND (pending IS NOT NULL OR status = 'draft')) x
     WHERE o.id = x.oid;
END
$$;

-- Offering facts for the catalog leave draft offerings out, as the public pages do.
CREATE OR REPLACE FUNCTION refresh_course_facts(cids int[]) RETURNS void LANGUAGE sql AS $$
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
          LEFT JOIN offerings o ON o.course_id = c.id AND o.status IN ('open', 'closed')
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

-- The demo's listed courses start with their first version, so a first change shows a diff.
INSERT INTO course_versions (course_id, no, cause, review_id, snapshot)
SELECT id, 1, 'cosmetic', NULL, listing_snapshot(id, false) FROM courses WHERE status = 'listed';

-- Reviews and versions change what the catalog shows; tell the page caches.
CREATE TRIGGER teachers_notify_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teachers
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
CREATE TRIGGER offering_teachers_notify_catalog AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON offering_teachers FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
