/* agency_teachers: the agency's teacher pool (师资库) in its console. GET /agency/teachers lists
 * the teachers (kind in words, subjects, qualifications, active or retired, the offerings each
 * teaches); GET,POST /agency/teachers/new and /agency/teachers/{id} add and edit one; POST
 * /agency/teachers/{id}/retire and /reactivate. A teacher is never deleted: past offerings keep
 * their teachers. A teacher of another agency is a plain 404, the same as a missing one. Bad input
 * gets the form back, filled in, with the errors in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_console.h"
#include "core/http.h"
#include "core/session.h"
#include "form.h"

struct teacher_form {
        const char *name, *kind, *subjects, *qualifications, *bio;
};

static bool kind_ok(const char *kind)
{
        return kind && (strcmp(kind, "full_time") == 0 || strcmp(kind, "part_time") == 0 ||
                        strcmp(kind, "volunteer") == 0);
}

static void read_teacher(struct req *rq, struct teacher_form *f)
{
        f->name = req_param(rq, "name");
        f->kind = req_param(rq, "kind");
        f->subjects = req_param(rq, "subjects");
        f->qualifications = req_param(rq, "qualifications");
        f->bio = req_param(rq, "bio");
        if (!f->subjects)
                f->subjects = "";
        if (!f->bio)
                f->bio = "";
}

static int check_teacher(struct form_errors *fc, const struct teacher_form *f)
{
        size_t n = form_chars(f->name);
        if (n < 2 || n > 40)
                form_error(fc, "name", "err_teacher_name");
        if (!kind_ok(f->kind))
                form_error(fc, "kind", "err_teacher_kind");
        if (form_chars(f->subjects) > 200)
                form_error(fc, "subjects", "err_teacher_subjects");
        n = form_chars(f->qualifications);
        if (n < 2 || n > 1000)
                form_error(fc, "qualifications", "err_teacher_qualifications");
        if (form_chars(f->bio) > 1000)
                form_error(fc, "bio", "err_teacher_bio");
        return fc->count;
}

static void show_teacher_form(struct req *rq, struct resp *rs, int status, const char *id,
                              const struct teacher_form *f, bool active)
{
        HDF *h = rs->hdf;
        hset(h, id ? id : "", "P.Id");
        hset_int(h, active, "P.Active");
        hset(h, f->name ? f->name : "", "P.Form.name");
        hset(h, f->kind ? f->kind : "", "P.Form.kind");
        hset(h, f->subjects ? f->subjects : "", "P.Form.subjects");
        hset(h, f->qualifications ? f->qualifications : "", "P.Form.qualifications");
        hset(h, f->bio ? f->bio : "", "P.Form.bio");
        rs->title = view_str(rq->lang, id ? "agency_offerings.teacher_edit_title"
                                          : "agency_offerings.teacher_new_title");
        rs->status = status;
        rs->no_store = true;
        rs->template = "pages/agency/teacher_form.cs";
}

/* ---------- GET /agency/teachers ---------- */

/* $1 agency */
DB_STMT(teachers_list,
        "SELECT id AS \"Id\", name AS \"Name\", kind AS \"Kind\", subjects AS \"Subjects\","
        "       qualifications AS \"Qualifications\", active::int AS \"Active\""
        "  FROM teachers WHERE agency_id = $1::int ORDER BY NOT active, name, id");

/* $1 agency: which offerings each teacher is on (cancelled ones left out) */
DB_STMT(teachers_offerings,
        "SELECT t.teacher_id, o.id, o.name, c.title, c.id"
        "  FROM offering_teachers t JOIN offerings o ON o.id = t.offering_id"
        "  JOIN courses c ON c.id = o.course_id"
        " WHERE t.agency_id = $1::int AND c.agency_id = $1::int AND o.status <> 'cancelled'"
        " ORDER BY t.teacher_id, o.starts_on, o.id");

void page_agency_teachers(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        HDF *h = rs->hdf;
        PGresult *r = db_exec(cm_db, &teachers_list, DB_PARAMS(agency));
        PGresult *o = r ? db_exec(cm_db, &teachers_offerings, DB_PARAMS(agency)) : NULL;
        if (!r || !o) {
                app_db_error(rq, rs);
                return;
        }
        int n = hset_rows(h, "P.Teachers", r);
        for (int i = 0; i < n; i++) {
                const char *tid = db_val(r, i, 0);
                int k = 0;
                for (int j = 0; j < PQntuples(o); j++) {
                        if (strcmp(db_val(o, j, 0), tid) != 0)
                                continue;
                        hset(h, db_val(o, j, 1), "P.Teachers.%d.Offerings.%d.Id", i, k);
                        hset(h, db_val(o, j, 2), "P.Teachers.%d.Offerings.%d.Name", i, k);
                        hset(h, db_val(o, j, 3), "P.Teachers.%d.Offerings.%d.Course", i, k);
                        hset(h, db_val(o, j, 4), "P.Teachers.%d.Offerings.%d.CourseId", i, k);
                        k++;
                }
        }
        const char *done = req_param(rq, "done");
        if (done)
                hset(h, done, "P.Done");
        rs->title = view_str(rq->lang, "agency_offerings.teachers_title");
        rs->no_store = true;
        rs->template = "pages/agency/teachers.cs";
}

/* ---------- GET,POST /agency/teachers/new ---------- */

/* $1 agency, $2 name, $3 kind, $4 subjects, $5 qualifications, $6 bio */
DB_STMT(teacher_insert,
        "INSERT INTO teachers (agency_id, name, kind, subjects, qualifications, bio)"
        " VALUES ($1::int, $2, $3, $4, $5, $6) RETURNING id");

void page_agency_teacher_new(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        struct teacher_form f = {0};
        if (rq->method != HTTP_POST) {
                f.kind = "part_time";
                show_teacher_form(rq, rs, 200, NULL, &f, true);
                return;
        }
        read_teacher(rq, &f);
        struct form_errors fc = {.h = rs->hdf, .lang = rq->lang, .family = "agency_offerings"};
        if (check_teacher(&fc, &f)) {
                show_teacher_form(rq, rs, 400, NULL, &f, true);
                return;
        }
        PGresult *r =
            db_exec(cm_db, &teacher_insert,
                    DB_PARAMS(agency, f.name, f.kind, f.subjects, f.qualifications, f.bio));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/agency/teachers?done=added");
}

/* ---------- GET,POST /agency/teachers/{id} ---------- */

/* $1 teacher, $2 agency */
DB_STMT(teacher_get, "SELECT name, kind, subjects, qualifications, bio, active FROM teachers"
                     " WHERE id = $1::int AND agency_id = $2::int");

/* $1 teacher, $2 agency, $3 name, $4 kind, $5 subjects, $6 qualifications, $7 bio */
DB_STMT(teacher_update,
        "UPDATE teachers SET name = $3, kind = $4, subjects = $5, qualifications = $6, bio = $7,"
        "       updated_at = now()"
        " WHERE id = $1::int AND agency_id = $2::int");

void page_agency_teacher(struct req *rq, struct resp *rs)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        const char *id = req_param(rq, "id");
        PGresult *r = db_exec(cm_db, &teacher_get, DB_PARAMS(id, agency));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) {
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        bool active = strcmp(db_val(r, 0, 5), "t") == 0;
        struct teacher_form f = {0};
        if (rq->method != HTTP_POST) {
                f.name = db_val(r, 0, 0);
                f.kind = db_val(r, 0, 1);
                f.subjects = db_val(r, 0, 2);
                f.qualifications = db_val(r, 0, 3);
                f.bio = db_val(r, 0, 4);
                show_teacher_form(rq, rs, 200, id, &f, active);
                return;
        }
        read_teacher(rq, &f);
        struct form_errors fc = {.h = rs->hdf, .lang = rq->lang, .family = "agency_offerings"};
        if (check_teacher(&fc, &f)) {
                show_teacher_form(rq, rs, 400, id, &f, active);
                return;
        }
        PGresult *u =
            db_exec(cm_db, &teacher_update,
                    DB_PARAMS(id, agency, f.name, f.kind, f.subjects, f.qualifications, f.bio));
        if (!u) {
                app_db_error(rq, rs);
                return;
        }
        resp_redirect(rs, 303, "/agency/teachers?done=saved");
}

/* ---------- POST /agency/teachers/{id}/retire, /reactivate ---------- */

/* $1 teacher, $2 agency, $3 active */
DB_STMT(teacher_set_active, "UPDATE teachers SET active = $3::boolean, updated_at = now()"
                            " WHERE id = $1::int AND agency_id = $2::int RETURNING id");

static void set_active(struct req *rq, struct resp *rs, bool active)
{
        const char *agency = agency_of_member(rq, rs);
        if (!agency)
                return;
        PGresult *r = db_exec(cm_db, &teacher_set_active,
                              DB_PARAMS(req_param(rq, "id"), agency, active ? "t" : "f"));
        if (!r) {
                app_db_error(rq, rs);
                return;
        }
        if (PQntuples(r) == 0) {
                app_error(rq, rs, 404, NULL, NULL);
                return;
        }
        resp_redirect(rs, 303,
                      active ? "/agency/teachers?done=reactivated"
                             : "/agency/teachers?done=retired");
}

void page_agency_teacher_retire(struct req *rq, struct resp *rs)
{
        set_active(rq, rs, false);
}

void page_agency_teacher_reactivate(struct req *rq, struct resp *rs)
{
        set_active(rq, rs, true);
}
