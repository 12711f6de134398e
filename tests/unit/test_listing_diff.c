/* test_listing_diff.c: unit tests for cgi-bin/pages/listing_diff.c (the rows a reviewer reads
 * between the approved and the proposed listing snapshot: unchanged fields omitted, course field
 * changes, a changed price shown as ¥, added and removed offerings, null shown as "—", the stable
 * order, a first listing and bad JSON) and for listing.c's material/cosmetic rule
 * (listing_offering_change_is_material, listing_course_field_is_material). */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "pages/listing.h"
#include "pages/listing_diff.h"
#include "tap.h"

#define COURSE(title, hours, category, offerings)                                                  \
        "{\"id\":7,\"agency_id\":3,\"title\":\"" title "\",\"summary\":\"概要\","                \
        "\"description\":\"正文\",\"outcomes\":\"\",\"audience\":\"seniors\",\"hours\":" hours     \
        ",\"cover\":null,\"category_id\":1,\"category\":\"" category "\",\"mode\":\"offline\","    \
        "\"credits\":2,\"offerings\":[" offerings "]}"

#define OFFERING(id, name, price, site, teachers)                                                  \
        "{\"id\":" id ",\"name\":\"" name "\",\"status\":\"open\",\"schedule\":\"每周二\","     \
        "\"starts_on\":\"2026-12-01\",\"ends_on\":\"2027-01-31\",\"enroll_opens_at\":null,"        \
        "\"enroll_closes_at\":null,\"cancel_until\":null,\"site_id\":5,\"site\":" site             \
        ",\"capacity\":30,\"free_seats\":0,\"price_fen\":" price ",\"min_age\":null,"              \
        "\"residence\":null,\"teacher_ids\":[1],\"teachers\":" teachers "}"

static const struct listing_diff_row *find(const struct listing_diff_row *r, int n, const char *oid,
                                           const char *field)
{
        for (int i = 0; i < n; i++)
                if (strcmp(r[i].offering_id, oid) == 0 && strcmp(r[i].field, field) == 0)
                        return &r[i];
        return NULL;
}

int main(void)
{
        struct arena *a = arena_new(4096);
        struct listing_diff_row *rows;
        const char *base =
            COURSE("太极入门", "12", "健康养生",
                   OFFERING("11", "春季班", "12000", "\"东湖学习点\"", "[\"王老师\"]"));

        int n = listing_diff(a, base, base, &rows);
        ok(n == 0, "identical snapshots give no rows (got %d)", n);

        n = listing_diff(a, NULL, base, &rows);
        ok(n == 0, "nothing approved before (a first listing) gives no rows (got %d)", n);
        ok(listing_diff(a, base, "not json", &rows) == -1, "bad JSON is -1");
        ok(listing_diff(a, "[1]", base, &rows) == -1, "an array is not a snapshot: -1");

        /* a changed price and a changed course title */
        const char *priced =
            COURSE("太极拳入门", "12", "健康养生",
                   OFFERING("11", "春季班", "15050", "\"东湖学习点\"", "[\"王老师\"]"));
        n = listing_diff(a, base, priced, &rows);
        ok(n == 2, "title and price changed: two rows (got %d)", n);
        if (n == 2) {
                is_str(rows[0].scope, "course", "the course's fields come first");
                is_str(rows[0].field, "review.f_title", "… named by their lang key");
                is_str(rows[0].before, "太极入门", "… before");
                is_str(rows[0].after, "太极拳入门", "… after");
                ok(rows[0].kind == DIFF_CHANGED, "… changed");
                is_str(rows[1].scope, "offering", "then the offerings");
                is_str(rows[1].offering_id, "11", "… with the offering's id");
                is_str(rows[1].offering_name, "春季班", "… and name");
                is_str(rows[1].field, "review.f_price_fen", "the price row");
                is_str(rows[1].before, "¥120.00", "… the old price in yuan");
                is_str(rows[1].after, "¥150.50", "… the new price in yuan");
                is_str(listing_diff_kind_name(rows[1].kind), "changed", "kind name: changed");
        }

        /* null on one side: the site goes away, teachers emptied, hours and category change */
        const char *nulls =
            COURSE("太极入门", "16", "运动健身", OFFERING("11", "春季班", "12000", "null", "[]"));
        n = listing_diff(a, base, nulls, &rows);
        ok(n == 4, "hours, category, site and teachers changed: four rows (got %d)", n);
        const struct listing_diff_row *r = find(rows, n, "", "review.f_hours");
        ok(r && strcmp(r->before, "12") == 0 && strcmp(r->after, "16") == 0,
           "hours 12 → 16 as numbers");
        r = find(rows, n, "", "review.f_category");
        ok(r && strcmp(r->after, "运动健身") == 0, "the category by name");
        r = find(rows, n, "11", "review.f_site");
        ok(r && strcmp(r->before, "东湖学习点") == 0 && strcmp(r->after, "—") == 0,
           "a site gone shows — after");
        r = find(rows, n, "11", "review.f_teachers");
        ok(r && strcmp(r->before, "王老师") == 0 && strcmp(r->after, "—") == 0,
           "no teachers shows —");
        n = listing_diff(a, nulls, base, &rows);
        r = find(rows, n, "11", "review.f_site");
        ok(r && strcmp(r->before, "—") == 0 && strcmp(r->after, "东湖学习点") == 0,
           "… and the other way round");

        /* several teachers are joined */
        const char *two =
            COURSE("太极入门", "12", "健康养生",
                   OFFERING("11", "春季班", "12000", "\"东湖学习点\"", "[\"王老师\",\"李老师\"]"));
        n = listing_diff(a, base, two, &rows);
        ok(n == 1 && strcmp(rows[0].after, "王老师、李老师") == 0, "teachers joined with 、");

        /* an offering added, another removed */
        const char *swapped =
            COURSE("太极入门", "12", "健康养生",
                   OFFERING("11", "春季班", "12000", "\"东湖学习点\"", "[\"王老师\"]") "," OFFERING(
                       "12", "秋季班", "0", "\"东湖学习点\"", "[\"王老师\"]"));
        n = listing_diff(a, base, swapped, &rows);
        ok(n == 1, "one offering added: one row (got %d)", n);
        if (n == 1) {
                is_str(listing_diff_kind_name(rows[0].kind), "added", "… added");
                is_str(rows[0].offering_id, "12", "… the new offering");
                is_str(rows[0].before, "—", "… nothing before");
                is_str(rows[0].after, "秋季班", "… its name after");
                is_str(rows[0].field, "review.f_offering", "… as the offering row");
        }
        n = listing_diff(a, swapped, base, &rows);
        ok(n == 1 && rows[0].kind == DIFF_REMOVED, "one offering removed: one row");
        if (n == 1) {
                is_str(rows[0].before, "秋季班", "… its name before");
                is_str(rows[0].after, "—", "… nothing after");
        }
        const char *other =
            COURSE("太极入门", "12", "健康养生", OFFERING("13", "冬季班", "0", "null", "[]"));
        n = listing_diff(a, swapped, other, &rows);
        ok(n == 3, "one added, two removed (got %d)", n);
        if (n == 3) {
                ok(rows[0].kind == DIFF_ADDED && strcmp(rows[0].offering_id, "13") == 0,
                   "added offerings first, in the proposed order");
                ok(rows[1].kind == DIFF_REMOVED && strcmp(rows[1].offering_id, "11") == 0 &&
                       rows[2].kind == DIFF_REMOVED && strcmp(rows[2].offering_id, "12") == 0,
                   "then the removed ones, in the old order");
        }

        /* the material/cosmetic rule of listing.c */
        ok(listing_offering_change_is_material("price_fen", "12000", "15000"), "price: material");
        ok(!listing_offering_change_is_material("price_fen", "12000", "12000"),
           "the same price: no change");
        ok(listing_offering_change_is_material("starts_on", "2026-12-01", "2026-12-08"),
           "dates: material");
        ok(listing_offering_change_is_material("site_id", "5", "6"), "site: material");
        ok(listing_offering_change_is_material("teacher_ids", "1", "1,2"), "teachers: material");
        ok(listing_offering_change_is_material("cancel_until", NULL, "2026-11-30"),
           "a cancellation deadline set: material");
        ok(listing_offering_change_is_material("capacity", "30", "20"), "capacity down: material");
        ok(!listing_offering_change_is_material("capacity", "30", "40"), "capacity up: cosmetic");
        ok(listing_offering_change_is_material("free_seats", "5", "2"),
           "free seats down: material");
        ok(!listing_offering_change_is_material("free_seats", "2", "5"), "free seats up: cosmetic");
        ok(!listing_offering_change_is_material("name", "春季班", "春季一班"), "name: cosmetic");
        ok(!listing_offering_change_is_material("schedule", "每周二", "每周三"),
           "schedule words: cosmetic");
        ok(!listing_offering_change_is_material("min_age", "", "60"), "eligibility: cosmetic");
        ok(listing_course_field_is_material("category_id"), "course category: material");
        ok(listing_course_field_is_material("mode"), "course mode: material");
        ok(listing_course_field_is_material("credits"), "course credits: material");
        ok(!listing_course_field_is_material("title"), "course title: cosmetic");
        ok(!listing_course_field_is_material("hours"), "course hours: cosmetic");
        ok(!listing_course_field_is_material("cover"), "course cover: cosmetic");

        arena_free(a);
        return done_testing();
}
