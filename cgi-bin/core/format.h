/* format: how values are shown to people, in their language: money in fen as ¥12.50, dates from
 * PostgreSQL's ISO form, distances. Pure functions into an arena; no database, no HDF. */
#ifndef CM_FORMAT_H
#define CM_FORMAT_H

#include "request.h"

struct arena;

/* 1250 → "¥12.50"; 0 → the language's word for free when free_word is non-NULL. */
const char *fmt_money(struct arena *a, long long fen, const char *free_word);
/* "2026-12-01" → "2026年12月1日" / "1 Dec 2026"; anything unparsable is returned as it is. */
const char *fmt_date(struct arena *a, enum lang lang, const char *iso);
/* metres → "650 米" / "650 m", "1.2 公里" / "1.2 km". */
const char *fmt_distance(struct arena *a, enum lang lang, double metres);

/* Percent-encodes everything but RFC 3986 unreserved characters (for query values). */
const char *fmt_urlenc(struct arena *a, const char *s);

#endif
