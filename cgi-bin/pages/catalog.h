/* catalog: shared by the catalog and home pages: turning course rows into the HDF the course_card
 * macro reads (localized mode, audience and price; the course's link). */
#ifndef CM_CATALOG_H
#define CM_CATALOG_H

#include "pages.h"

/* The columns every course-card query selects, in this order (aliases are the HDF names).
 * $lang is the parameter number holding the language code. */
#define COURSE_CARD_COLUMNS(lang)                                                                  \
        "c.id AS \"Id\", c.title AS \"Title\", c.summary AS \"Summary\","                          \
        " cat.slug AS \"CatSlug\","                                                                \
        " CASE WHEN " lang " = 'en' THEN cat.name_en ELSE cat.name END AS \"Category\","           \
        " c.mode AS \"ModeKey\", c.audience AS \"AudienceKey\","                                   \
        " CASE WHEN c.credits > 0 THEN trim_scale(c.credits)::text END AS \"Credits\","            \
        " c.min_price_fen AS \"MinPrice\", c.max_price_fen AS \"MaxPrice\","                       \
        " CASE WHEN c.rating_count > 0"                                                            \
        "      THEN round(c.rating_sum::numeric / c.rating_count, 1) END AS \"Rating\","           \
        " c.rating_count AS \"RatingCount\", c.next_start AS \"NextStartIso\","                    \
        " a.name AS \"Agency\", c.cover AS \"Cover\","                                             \
        " (SELECT sum(o.capacity - o.seats_taken) FROM offerings o"                                \
        "   WHERE o.course_id = c.id AND o.status = 'open' AND o.ends_on >= current_date)"         \
        "   AS \"SeatsLeft\""

/* Copies course-card rows to prefix.N and adds the localized, formatted fields. */
int catalog_set_cards(struct req *rq, struct resp *rs, const char *prefix, const PGresult *r);

#endif
