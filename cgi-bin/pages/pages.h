/* pages: every page handler, one file per page family (home.c, catalog.c, course.c, site.c,
 * agency.c, about.c, system.c). A handler reads the parsed request, talks to the database through
 * db_*, fills the HDF (rs->hdf) and names a template; it never prints HTML and never builds SQL. */
#ifndef CM_PAGES_H
#define CM_PAGES_H

#include "core/app.h"
#include "core/arena.h"
#include "core/db.h"
#include "core/format.h"
#include "core/request.h"
#include "core/response.h"
#include "core/view.h"

/* system.c */
void page_healthz(struct req *rq, struct resp *rs);
void page_prefs(struct req *rq, struct resp *rs);
void page_logout(struct req *rq, struct resp *rs);
/* about.c */
void page_accessibility(struct req *rq, struct resp *rs);
void page_privacy(struct req *rq, struct resp *rs);
/* home.c */
void page_home(struct req *rq, struct resp *rs);
/* catalog.c */
void page_catalog(struct req *rq, struct resp *rs);
/* course.c */
void page_course(struct req *rq, struct resp *rs);
/* site.c */
void page_sites(struct req *rq, struct resp *rs);
void page_site(struct req *rq, struct resp *rs);
void page_map(struct req *rq, struct resp *rs);
/* agency.c */
void page_agency(struct req *rq, struct resp *rs);
/* agency_home.c, agency_register.c, agency_docs.c: the agency console */
void page_agency_home(struct req *rq, struct resp *rs);
void page_agency_register(struct req *rq, struct resp *rs);
void page_agency_edit(struct req *rq, struct resp *rs);
void page_agency_documents_add(struct req *rq, struct resp *rs);
void page_agency_document(struct req *rq, struct resp *rs);
/* agency_courses.c: the agency's courses */
void page_agency_courses(struct req *rq, struct resp *rs);
void page_agency_course_new(struct req *rq, struct resp *rs);
void page_agency_course(struct req *rq, struct resp *rs);
void page_agency_course_edit(struct req *rq, struct resp *rs);
void page_agency_course_submit(struct req *rq, struct resp *rs);
void page_agency_course_withdraw(struct req *rq, struct resp *rs);
void page_agency_course_unlist(struct req *rq, struct resp *rs);
void page_agency_course_relist(struct req *rq, struct resp *rs);
void page_agency_course_discard(struct req *rq, struct resp *rs);
/* cover.c: course cover images */
void page_media_cover(struct req *rq, struct resp *rs);
/* agency_teachers.c: the teacher pool */
void page_agency_teachers(struct req *rq, struct resp *rs);
void page_agency_teacher_new(struct req *rq, struct resp *rs);
void page_agency_teacher(struct req *rq, struct resp *rs);
void page_agency_teacher_retire(struct req *rq, struct resp *rs);
void page_agency_teacher_reactivate(struct req *rq, struct resp *rs);
/* agency_offerings.c: offerings of the agency's courses */
void page_agency_offering_new(struct req *rq, struct resp *rs);
void page_agency_offering(struct req *rq, struct resp *rs);
void page_agency_offering_delete(struct req *rq, struct resp *rs);
/* admin.c, admin_decide.c, admin_audit.c */
void page_admin_users(struct req *rq, struct resp *rs);
void page_admin_roles(struct req *rq, struct resp *rs);
void page_admin_decide(struct req *rq, struct resp *rs);
void page_admin_outbox_retry(struct req *rq, struct resp *rs);
void page_admin_audit(struct req *rq, struct resp *rs);
/* admin_standard.c: the admission standard and the price guides */
void page_admin_standard(struct req *rq, struct resp *rs);
void page_admin_standard_add(struct req *rq, struct resp *rs);
void page_admin_standard_edit(struct req *rq, struct resp *rs);
void page_admin_standard_active(struct req *rq, struct resp *rs);
void page_admin_standard_guides(struct req *rq, struct resp *rs);
void page_standard(struct req *rq, struct resp *rs);
/* review.c, review_decide.c: the review desk */
void page_review_queue(struct req *rq, struct resp *rs);
void page_review(struct req *rq, struct resp *rs);
void page_review_claim(struct req *rq, struct resp *rs);
void page_review_release(struct req *rq, struct resp *rs);
void page_review_decide(struct req *rq, struct resp *rs);
void page_review_course(struct req *rq, struct resp *rs);
void page_review_unlist(struct req *rq, struct resp *rs);

/* login.c */
void page_login(struct req *rq, struct resp *rs);
void page_login_post(struct req *rq, struct resp *rs);
void page_login_code(struct req *rq, struct resp *rs);
void page_login_totp(struct req *rq, struct resp *rs);
void page_login_totp_post(struct req *rq, struct resp *rs);
void page_register(struct req *rq, struct resp *rs);
void page_register_post(struct req *rq, struct resp *rs);
/* me.c */
void page_me(struct req *rq, struct resp *rs);
void page_me_profile(struct req *rq, struct resp *rs);
void page_me_realname(struct req *rq, struct resp *rs);
void page_me_password(struct req *rq, struct resp *rs);
void page_me_session_end(struct req *rq, struct resp *rs);
void page_me_sessions_end_all(struct req *rq, struct resp *rs);
void page_me_family_add(struct req *rq, struct resp *rs);
void page_me_family_confirm(struct req *rq, struct resp *rs);
void page_me_family_revoke(struct req *rq, struct resp *rs);

/* Splits plain text into paragraphs (blank lines) and lines: prefix.N.Lines.M (course.c). The
 * text is never treated as markup. Returns the number of paragraphs. */
int hset_paragraphs(HDF *h, struct arena *a, const char *prefix, const char *text);

/* The city centre: the map's default point and "sites near the centre" on the home page. */
#define CITY_CENTRE_LAT 31.2300
#define CITY_CENTRE_LNG 121.4700
/* A ten-minute walk, in metres (seed 003: the "ten-minute learning circle"). */
#define WALK_10_MIN_M 800

#endif
