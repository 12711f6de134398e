/* listing_diff: what a reviewer needs to see between two listing_snapshot() documents (the course
 * as approved before and as proposed, schema/0008_listings.sql). Pure C over jansson: no
 * database, no HDF. Rows come in a stable order: the course's fields first (in a fixed order),
 * then the proposed offerings in their order (each one's changed fields, or one row when it is
 * new), then the offerings that are gone. Unchanged fields give no row. */
#ifndef CM_LISTING_DIFF_H
#define CM_LISTING_DIFF_H

struct arena;

enum listing_diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };

struct listing_diff_row {
        const char *scope;         /* "course" or "offering" */
        const char *offering_id;   /* "" for the course */
        const char *offering_name; /* "" for the course */
        const char *field;         /* the lang key naming the field, e.g. "review.f_price_fen" */
        const char *before;        /* shown text: prices as ¥12.50, null as "—" */
        const char *after;
        enum listing_diff_kind kind;
};

/* The kind as a word: "added", "removed", "changed". */
const char *listing_diff_kind_name(enum listing_diff_kind kind);

/* Compares before_json (may be NULL: nothing approved yet, so no rows) with after_json. Rows go
 * to *rows (arena memory). Returns the number of rows, or -1 when a document is not a JSON
 * object. */
int listing_diff(struct arena *a, const char *before_json, const char *after_json,
                 struct listing_diff_row **rows);

#endif
