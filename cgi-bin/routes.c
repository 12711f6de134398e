/* routes: THE route table. Every URL the application answers is here, with the role it needs and
 * the parameters it accepts; the router refuses anything else before a handler runs. Public paths
 * are kept stable (DESIGN.md). */
#include <stddef.h>

#include "core/request.h"
#include "core/router.h"
#include "pages/pages.h"

static const char *const fee_choices[] = {"free", "paid", NULL};
static const char *const mode_choices[] = {"online", "offline", "blended", NULL};
static const char *const audience_choices[] = {"all",      "seniors",    "migrant_workers",
                                               "youth",    "parents",    "farmers",
                                               "disabled", "jobseekers", NULL};
static const char *const sort_choices[] = {"relevance", "soon",       "newest", "rating",
                                           "price_asc", "price_desc", NULL};
static const char *const yes_choices[] = {"1", NULL};
static const char *const lang_choices[] = {"zh-CN", "en", NULL};
static const char *const text_choices[] = {"large", "standard", NULL};

static const struct param_spec catalog_params[] = {
    {.name = "q", .kind = PARAM_TEXT, .max = 50},
    {.name = "cat", .kind = PARAM_SLUG, .max = 40},
    {.name = "district", .kind = PARAM_ID},
    {.name = "fee", .kind = PARAM_ENUM, .choices = fee_choices},
    {.name = "mode", .kind = PARAM_ENUM, .choices = mode_choices},
    {.name = "audience", .kind = PARAM_ENUM, .choices = audience_choices},
    {.name = "soon", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "sort", .kind = PARAM_ENUM, .choices = sort_choices},
    {.name = "page", .kind = PARAM_INT, .min = 1, .max = 1000},
    {.kind = PARAM_END},
};

static const struct param_spec id_param[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.kind = PARAM_END},
};

static const struct param_spec sites_params[] = {
    {.name = "level", .kind = PARAM_INT, .min = 1, .max = 4},
    {.name = "district", .kind = PARAM_ID},
    {.kind = PARAM_END},
};

static const struct param_spec map_params[] = {
    {.name = "lat", .kind = PARAM_NUM, .min = -90, .max = 90},
    {.name = "lng", .kind = PARAM_NUM, .min = -180, .max = 180},
    {.name = "radius", .kind = PARAM_INT, .min = 100, .max = 50000},
    {.name = "walk", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "district", .kind = PARAM_ID},
    {.name = "cat", .kind = PARAM_SLUG, .max = 40},
    {.kind = PARAM_END},
};

static const struct param_spec prefs_params[] = {
    {.name = "lang", .kind = PARAM_ENUM, .choices = lang_choices},
    {.name = "text", .kind = PARAM_ENUM, .choices = text_choices},
    {.name = "next", .kind = PARAM_TEXT, .max = 2000},
    {.kind = PARAM_END},
};

/* Account forms: lengths bounded here; the handlers check the contents and answer with the
 * form again, filled in, when something is wrong. */
static const struct param_spec next_param[] = {
    {.name = "next", .kind = PARAM_TEXT, .max = 1000},
    {.name = "welcome", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "everywhere", .kind = PARAM_ENUM, .choices = yes_choices},
    {.kind = PARAM_END},
};
static const struct param_spec login_form[] = {
    {.name = "phone", .kind = PARAM_TEXT, .max = 30},
    {.name = "password", .kind = PARAM_TEXT, .max = 256},
    {.name = "code", .kind = PARAM_TEXT, .max = 20},
    {.name = "challenge", .kind = PARAM_TEXT, .max = 64},
    {.name = "answer", .kind = PARAM_TEXT, .max = 20},
    {.name = "name", .kind = PARAM_TEXT, .max = 60},
    {.name = "mode",
     .kind = PARAM_ENUM,
     .choices = (const char *const[]){"login", "register", NULL}},
    {.name = "agree", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "next", .kind = PARAM_TEXT, .max = 1000},
    {.kind = PARAM_END},
};
static const struct param_spec totp_form[] = {
    {.name = "code", .kind = PARAM_TEXT, .max = 20},
    {.name = "recovery", .kind = PARAM_TEXT, .max = 40},
    {.name = "next", .kind = PARAM_TEXT, .max = 1000},
    {.kind = PARAM_END},
};
static const struct param_spec me_query[] = {
    {.name = "welcome", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "done", .kind = PARAM_SLUG, .max = 30},
    {.name = "recovery_left", .kind = PARAM_INT, .min = 0, .max = 99},
    {.kind = PARAM_END},
};
static const struct param_spec me_form[] = {
    {.name = "name", .kind = PARAM_TEXT, .max = 60},
    {.name = "region", .kind = PARAM_ID},
    {.name = "real_name", .kind = PARAM_TEXT, .max = 50},
    {.name = "idcard", .kind = PARAM_TEXT, .max = 40},
    {.name = "current_password", .kind = PARAM_TEXT, .max = 256},
    {.name = "new_password", .kind = PARAM_TEXT, .max = 256},
    {.name = "new_password2", .kind = PARAM_TEXT, .max = 256},
    {.name = "elder_phone", .kind = PARAM_TEXT, .max = 30},
    {.name = "elder_name", .kind = PARAM_TEXT, .max = 60},
    {.name = "relation", .kind = PARAM_SLUG, .max = 20},
    {.name = "code", .kind = PARAM_TEXT, .max = 20},
    {.kind = PARAM_END},
};

/* The agency console and the admin desk. Form fields are declared with generous limits so that
 * only absurd input is refused outright; the handlers check the real rules and answer with the
 * form filled in and the errors in words. Passwords are not declared: a param is trimmed, a
 * password must not be. */
static const char *const done_choices[] = {"registered", "resubmitted", "uploaded", NULL};
static const char *const doc_kind_choices[] = {"license", "qualification", "other", NULL};
static const char *const staff_role_choices[] = {"reviewer", "procure", "finance", "admin", NULL};
static const char *const role_op_choices[] = {"grant", "revoke", NULL};
static const char *const decision_choices[] = {"approve", "reject", "suspend", NULL};
static const char *const admin_done_choices[] = {"roles",   "approve",  "reject",
                                                 "suspend", "requeued", NULL};

static const struct param_spec agency_home_params[] = {
    {.name = "done", .kind = PARAM_ENUM, .choices = done_choices},
    {.kind = PARAM_END},
};

static const struct param_spec agency_form_params[] = {
    {.name = "agency_name", .kind = PARAM_TEXT, .max = 400},
    {.name = "credit_code", .kind = PARAM_TEXT, .max = 100},
    {.name = "district", .kind = PARAM_ID},
    {.name = "address", .kind = PARAM_TEXT, .max = 800},
    {.name = "contact_name", .kind = PARAM_TEXT, .max = 200},
    {.name = "contact_phone", .kind = PARAM_TEXT, .max = 100},
    {.name = "intro", .kind = PARAM_TEXT, .max = 4000},
    {.kind = PARAM_END},
};

static const struct param_spec agency_doc_add_params[] = {
    {.name = "kind", .kind = PARAM_ENUM, .choices = doc_kind_choices, .required = true},
    {.kind = PARAM_END},
};

static const struct param_spec admin_users_params[] = {
    {.name = "q", .kind = PARAM_TEXT, .max = 50},
    {.name = "done", .kind = PARAM_ENUM, .choices = admin_done_choices},
    {.kind = PARAM_END},
};

static const struct param_spec admin_roles_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "role", .kind = PARAM_ENUM, .choices = staff_role_choices, .required = true},
    {.name = "op", .kind = PARAM_ENUM, .choices = role_op_choices, .required = true},
    {.name = "q", .kind = PARAM_TEXT, .max = 50},
    {.kind = PARAM_END},
};

static const struct param_spec admin_decide_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "decision", .kind = PARAM_ENUM, .choices = decision_choices, .required = true},
    {.name = "note", .kind = PARAM_TEXT, .max = 500},
    {.name = "q", .kind = PARAM_TEXT, .max = 50},
    {.kind = PARAM_END},
};

static const struct param_spec admin_audit_params[] = {
    {.name = "action", .kind = PARAM_TEXT, .max = 60},
    {.name = "object_type", .kind = PARAM_TEXT, .max = 40},
    {.name = "object_id", .kind = PARAM_ID},
    {.kind = PARAM_END},
};

/* The agency's courses (agency_courses.c). The form's fields are declared loosely; the handler
 * checks them and answers with the form. */
static const char *const course_done_choices[] = {"created",  "saved",    "submitted", "withdrawn",
                                                  "unlisted", "relisted", "discarded", NULL};
#define COURSE_FORM_FIELDS                                                                         \
        {.name = "title", .kind = PARAM_TEXT, .max = 400},                                         \
            {.name = "summary", .kind = PARAM_TEXT, .max = 1500},                                  \
            {.name = "description", .kind = PARAM_TEXT, .max = 20000},                             \
            {.name = "category", .kind = PARAM_ID},                                                \
            {.name = "audience", .kind = PARAM_TEXT, .max = 40},                                   \
            {.name = "mode", .kind = PARAM_TEXT, .max = 40},                                       \
            {.name = "credits", .kind = PARAM_TEXT, .max = 20},                                    \
            {.name = "hours", .kind = PARAM_TEXT, .max = 20},                                      \
            {.name = "outcomes", .kind = PARAM_TEXT, .max = 4000},                                 \
        {                                                                                          \
                .name = "preview", .kind = PARAM_ENUM, .choices = yes_choices                      \
        }

static const struct param_spec course_new_params[] = {
    COURSE_FORM_FIELDS,
    {.kind = PARAM_END},
};
static const struct param_spec course_edit_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    COURSE_FORM_FIELDS,
    {.kind = PARAM_END},
};
static const struct param_spec course_show_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "done", .kind = PARAM_ENUM, .choices = course_done_choices},
    {.name = "live", .kind = PARAM_TEXT, .max = 200},
    {.name = "held", .kind = PARAM_TEXT, .max = 200},
    {.kind = PARAM_END},
};
static const struct param_spec course_submit_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "note", .kind = PARAM_TEXT, .max = 500},
    {.kind = PARAM_END},
};
static const struct param_spec course_unlist_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "reason", .kind = PARAM_TEXT, .max = 500},
    {.kind = PARAM_END},
};
static const struct param_spec media_cover_params[] = {
    {.name = "file", .kind = PARAM_TEXT, .max = 40, .sources = FROM_PATH, .required = true},
    {.kind = PARAM_END},
};

/* The review desk and the admission standard. The checklist's verdicts (v_<item>, n_<item>) and
 * the price guides (g_<category>) are named after rows, so their handlers read and check them. */
static const char *const review_show_choices[] = {"mine", "unclaimed", NULL};
static const char *const review_done_choices[] = {"approve", "reject", "released", "unlisted",
                                                  NULL};
static const char *const review_decision_choices[] = {"approve", "reject", NULL};
static const char *const standard_done_choices[] = {"added",       "edited", "retired",
                                                    "reactivated", "guides", NULL};
static const char *const active_choices[] = {"0", "1", NULL};

static const struct param_spec review_queue_params[] = {
    {.name = "show", .kind = PARAM_ENUM, .choices = review_show_choices},
    {.name = "done", .kind = PARAM_ENUM, .choices = review_done_choices},
    {.kind = PARAM_END},
};

static const struct param_spec review_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "done", .kind = PARAM_ENUM, .choices = review_done_choices},
    {.name = "reason", .kind = PARAM_TEXT, .max = 500},
    {.kind = PARAM_END},
};

static const struct param_spec review_decide_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "decision", .kind = PARAM_ENUM, .choices = review_decision_choices, .required = true},
    {.name = "reasons", .kind = PARAM_TEXT, .max = 2000},
    {.kind = PARAM_END},
};

static const struct param_spec standard_params[] = {
    {.name = "done", .kind = PARAM_ENUM, .choices = standard_done_choices},
    {.kind = PARAM_END},
};

static const struct param_spec standard_item_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH},
    {.name = "title", .kind = PARAM_TEXT, .max = 400},
    {.name = "title_en", .kind = PARAM_TEXT, .max = 800},
    {.name = "guidance", .kind = PARAM_TEXT, .max = 4000},
    {.name = "guidance_en", .kind = PARAM_TEXT, .max = 8000},
    {.name = "sort", .kind = PARAM_INT, .min = -100000, .max = 100000},
    {.kind = PARAM_END},
};

static const struct param_spec standard_active_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "active", .kind = PARAM_ENUM, .choices = active_choices, .required = true},
    {.kind = PARAM_END},
};

/* The teacher pool and offerings (agency_teachers.c, agency_offerings.c): every field is text
 * here, so the handlers answer bad input in words; weekday and teacher checkboxes repeat and are
 * read from the form by the handler. */
static const char *const teacher_done_choices[] = {"added", "saved", "retired", "reactivated",
                                                   NULL};
static const char *const offering_done_choices[] = {"created", "saved", NULL};

static const struct param_spec teachers_params[] = {
    {.name = "done", .kind = PARAM_ENUM, .choices = teacher_done_choices},
    {.kind = PARAM_END},
};

static const struct param_spec teacher_form_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH},
    {.name = "name", .kind = PARAM_TEXT, .max = 200},
    {.name = "kind", .kind = PARAM_TEXT, .max = 20},
    {.name = "subjects", .kind = PARAM_TEXT, .max = 1000},
    {.name = "qualifications", .kind = PARAM_TEXT, .max = 4000},
    {.name = "bio", .kind = PARAM_TEXT, .max = 4000},
    {.kind = PARAM_END},
};

static const struct param_spec offering_form_params[] = {
    {.name = "id", .kind = PARAM_ID, .sources = FROM_PATH, .required = true},
    {.name = "done", .kind = PARAM_ENUM, .choices = offering_done_choices, .sources = FROM_QUERY},
    {.name = "live", .kind = PARAM_TEXT, .max = 300, .sources = FROM_QUERY},
    {.name = "held", .kind = PARAM_TEXT, .max = 300, .sources = FROM_QUERY},
    {.name = "name", .kind = PARAM_TEXT, .max = 200},
    {.name = "starts_on", .kind = PARAM_TEXT, .max = 40},
    {.name = "ends_on", .kind = PARAM_TEXT, .max = 40},
    {.name = "time_from", .kind = PARAM_TEXT, .max = 20},
    {.name = "time_to", .kind = PARAM_TEXT, .max = 20},
    {.name = "site", .kind = PARAM_TEXT, .max = 20},
    {.name = "capacity", .kind = PARAM_TEXT, .max = 20},
    {.name = "price", .kind = PARAM_TEXT, .max = 30},
    {.name = "free", .kind = PARAM_ENUM, .choices = yes_choices},
    {.name = "free_seats", .kind = PARAM_TEXT, .max = 20},
    {.name = "opens_at", .kind = PARAM_TEXT, .max = 40},
    {.name = "closes_at", .kind = PARAM_TEXT, .max = 40},
    {.name = "cancel_until", .kind = PARAM_TEXT, .max = 40},
    {.name = "min_age", .kind = PARAM_TEXT, .max = 20},
    {.name = "region", .kind = PARAM_TEXT, .max = 20},
    {.kind = PARAM_END},
};

#define GET  HTTP_GET
#define POST HTTP_POST

const struct route routes[] = {
    {GET, "/", page_home, ROLE_ANYONE, NULL, ROUTE_CACHE, "home"},
    {GET, "/courses", page_catalog, ROLE_ANYONE, catalog_params, ROUTE_CACHE, "catalog"},
    {GET, "/courses/{id}", page_course, ROLE_ANYONE, id_param, ROUTE_CACHE, "course"},
    {GET, "/sites", page_sites, ROLE_ANYONE, sites_params, ROUTE_CACHE, "sites"},
    {GET, "/sites/{id}", page_site, ROLE_ANYONE, id_param, ROUTE_CACHE, "site"},
    {GET, "/map", page_map, ROLE_ANYONE, map_params, ROUTE_CACHE, "map"},
    {GET, "/agencies/{id}", page_agency, ROLE_ANYONE, id_param, ROUTE_CACHE, "agency"},
    {GET, "/accessibility", page_accessibility, ROLE_ANYONE, NULL, ROUTE_CACHE, "accessibility"},
    {GET, "/privacy", page_privacy, ROLE_ANYONE, NULL, ROUTE_CACHE, "privacy"},
    {GET, "/prefs", page_prefs, ROLE_ANYONE, prefs_params, 0, "prefs"},
    {GET, "/login", page_login, ROLE_ANYONE, next_param, 0, "login"},
    {POST, "/login", page_login_post, ROLE_ANYONE, login_form, 0, "login_post"},
    {POST, "/login/code", page_login_code, ROLE_ANYONE, login_form, 0, "login_code"},
    {GET, "/login/totp", page_login_totp, ROLE_ANYONE, next_param, 0, "login_totp"},
    {POST, "/login/totp", page_login_totp_post, ROLE_ANYONE, totp_form, 0, "login_totp_post"},
    {GET, "/register", page_register, ROLE_ANYONE, next_param, 0, "register"},
    {POST, "/register", page_register_post, ROLE_ANYONE, login_form, 0, "register_post"},
    {POST, "/logout", page_logout, ROLE_ANYONE, NULL, 0, "logout"},
    {GET, "/me", page_me, ROLE_USER, me_query, 0, "me"},
    {POST, "/me/profile", page_me_profile, ROLE_USER, me_form, 0, "me_profile"},
    {POST, "/me/realname", page_me_realname, ROLE_USER, me_form, 0, "me_realname"},
    {POST, "/me/password", page_me_password, ROLE_USER, me_form, 0, "me_password"},
    {POST, "/me/sessions/{id}/end", page_me_session_end, ROLE_USER, id_param, 0, "me_session_end"},
    {POST, "/me/sessions/end-all", page_me_sessions_end_all, ROLE_USER, NULL, 0, "me_end_all"},
    {POST, "/me/family", page_me_family_add, ROLE_USER, me_form, 0, "me_family_add"},
    {POST, "/me/family/confirm", page_me_family_confirm, ROLE_USER, me_form, 0,
     "me_family_confirm"},
    {POST, "/me/family/{id}/revoke", page_me_family_revoke, ROLE_USER, id_param, 0,
     "me_family_revoke"},
    {GET, "/agency", page_agency_home, ROLE_USER, agency_home_params, 0, "agency_home"},
    {GET | POST, "/agency/register", page_agency_register, ROLE_USER, agency_form_params, 0,
     "agency_register"},
    {GET | POST, "/agency/edit", page_agency_edit, ROLE_USER, agency_form_params, 0, "agency_edit"},
    {POST, "/agency/documents", page_agency_documents_add, ROLE_USER, agency_doc_add_params, 0,
     "agency_documents_add"},
    {GET, "/agency/documents/{id}", page_agency_document, ROLE_USER, id_param, ROUTE_RAW,
     "agency_document"},
    {GET, "/agency/courses", page_agency_courses, ROLE_AGENCY, NULL, 0, "agency_courses"},
    {GET | POST, "/agency/courses/new", page_agency_course_new, ROLE_AGENCY, course_new_params, 0,
     "agency_course_new"},
    {GET, "/agency/courses/{id}", page_agency_course, ROLE_AGENCY, course_show_params, 0,
     "agency_course"},
    {GET | POST, "/agency/courses/{id}/edit", page_agency_course_edit, ROLE_AGENCY,
     course_edit_params, 0, "agency_course_edit"},
    {POST, "/agency/courses/{id}/submit", page_agency_course_submit, ROLE_AGENCY,
     course_submit_params, 0, "agency_course_submit"},
    {POST, "/agency/courses/{id}/withdraw", page_agency_course_withdraw, ROLE_AGENCY, id_param, 0,
     "agency_course_withdraw"},
    {POST, "/agency/courses/{id}/unlist", page_agency_course_unlist, ROLE_AGENCY,
     course_unlist_params, 0, "agency_course_unlist"},
    {POST, "/agency/courses/{id}/relist", page_agency_course_relist, ROLE_AGENCY, id_param, 0,
     "agency_course_relist"},
    {POST, "/agency/courses/{id}/discard", page_agency_course_discard, ROLE_AGENCY, id_param, 0,
     "agency_course_discard"},
    {GET, "/media/covers/{file}", page_media_cover, ROLE_ANYONE, media_cover_params, ROUTE_RAW,
     "media_cover"},
    {GET, "/agency/teachers", page_agency_teachers, ROLE_AGENCY, teachers_params, 0,
     "agency_teachers"},
    {GET | POST, "/agency/teachers/new", page_agency_teacher_new, ROLE_AGENCY, teacher_form_params,
     0, "agency_teacher_new"},
    {GET | POST, "/agency/teachers/{id}", page_agency_teacher, ROLE_AGENCY, teacher_form_params, 0,
     "agency_teacher"},
    {POST, "/agency/teachers/{id}/retire", page_agency_teacher_retire, ROLE_AGENCY, id_param, 0,
     "agency_teacher_retire"},
    {POST, "/agency/teachers/{id}/reactivate", page_agency_teacher_reactivate, ROLE_AGENCY,
     id_param, 0, "agency_teacher_reactivate"},
    {GET | POST, "/agency/courses/{id}/offerings/new", page_agency_offering_new, ROLE_AGENCY,
     offering_form_params, 0, "agency_offering_new"},
    {GET | POST, "/agency/offerings/{id}", page_agency_offering, ROLE_AGENCY, offering_form_params,
     0, "agency_offering"},
    {POST, "/agency/offerings/{id}/delete", page_agency_offering_delete, ROLE_AGENCY, id_param, 0,
     "agency_offering_delete"},
    {GET, "/admin/users", page_admin_users, ROLE_ADMIN, admin_users_params, 0, "admin_users"},
    {POST, "/admin/users/{id}/roles", page_admin_roles, ROLE_ADMIN, admin_roles_params, 0,
     "admin_roles"},
    {POST, "/admin/agencies/{id}/decide", page_admin_decide, ROLE_ADMIN, admin_decide_params, 0,
     "admin_decide"},
    {POST, "/admin/outbox/{id}/retry", page_admin_outbox_retry, ROLE_ADMIN, id_param, 0,
     "admin_outbox_retry"},
    {GET, "/admin/audit", page_admin_audit, ROLE_ADMIN, admin_audit_params, 0, "admin_audit"},
    {GET, "/admin/standard", page_admin_standard, ROLE_ADMIN, standard_params, 0, "admin_standard"},
    {POST, "/admin/standard/items", page_admin_standard_add, ROLE_ADMIN, standard_item_params, 0,
     "admin_standard_add"},
    {POST, "/admin/standard/items/{id}", page_admin_standard_edit, ROLE_ADMIN, standard_item_params,
     0, "admin_standard_edit"},
    {POST, "/admin/standard/items/{id}/active", page_admin_standard_active, ROLE_ADMIN,
     standard_active_params, 0, "admin_standard_active"},
    {POST, "/admin/standard/guides", page_admin_standard_guides, ROLE_ADMIN, NULL, 0,
     "admin_standard_guides"},
    {GET, "/standard", page_standard, ROLE_ANYONE, NULL, ROUTE_CACHE, "standard"},
    {GET, "/review", page_review_queue, ROLE_REVIEWER | ROLE_ADMIN, review_queue_params, 0,
     "review_queue"},
    {GET, "/review/{id}", page_review, ROLE_REVIEWER | ROLE_ADMIN, review_params, 0, "review"},
    {POST, "/review/{id}/claim", page_review_claim, ROLE_REVIEWER | ROLE_ADMIN, review_params, 0,
     "review_claim"},
    {POST, "/review/{id}/release", page_review_release, ROLE_REVIEWER | ROLE_ADMIN, review_params,
     0, "review_release"},
    {POST, "/review/{id}/decide", page_review_decide, ROLE_REVIEWER | ROLE_ADMIN,
     review_decide_params, 0, "review_decide"},
    {GET, "/review/courses/{id}", page_review_course, ROLE_REVIEWER | ROLE_ADMIN, review_params, 0,
     "review_course"},
    {POST, "/review/courses/{id}/unlist", page_review_unlist, ROLE_REVIEWER | ROLE_ADMIN,
     review_params, 0, "review_unlist"},
    {GET, "/healthz", page_healthz, ROLE_ANYONE, NULL, ROUTE_RAW, "healthz"},
    {0, NULL, NULL, 0, NULL, 0, NULL},
};
