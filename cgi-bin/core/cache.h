/* cache: a per-worker cache of whole responses to anonymous GETs of public pages (the catalog, a
 * course, the sites and the map), so a popular page costs no database round trip. An entry is
 * dropped when PostgreSQL reports that catalog data changed (NOTIFY catalog_changed, sent by
 * triggers) and in any case after a few seconds, a safety net should a notification be lost.
 * Never holds a response for a logged-in user, one that sets a cookie, or one that is not 200. */
#ifndef CM_CACHE_H
#define CM_CACHE_H

#include <stdbool.h>
#include <stddef.h>

/* max_bytes 0 disables the cache. */
void cache_init(size_t max_bytes, int ttl_seconds);
void cache_free(void);

/* Drops everything (data changed). */
void cache_invalidate(void);

/* The stored response for key, or NULL. *header_len is where the body starts (for HEAD). */
const char *cache_get(const char *key, size_t keylen, size_t *len, size_t *header_len);
void cache_put(const char *key, size_t keylen, const char *response, size_t len, size_t header_len);

struct cache_stats {
        long hits, misses, entries;
        size_t bytes;
};
struct cache_stats cache_stats(void);

#endif
