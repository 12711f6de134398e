/* cache: see cache.h. An open-addressing hash table of entries, each a malloc'd block holding the
 * key and the response; over its byte budget it evicts the oldest entries first (a FIFO ring). */
#include "cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS 4096 /* power of two; the FIFO holds at most SLOTS / 2 entries */

struct entry {
        uint64_t hash;
        size_t keylen, len, header_len;
        time_t stored;
        char data[]; /* key, then response */
};

static struct entry *table[SLOTS];
static struct entry *fifo[SLOTS / 2];
static int fifo_head, fifo_count; /* fifo_count includes the NULL holes left by replaced keys */
static long live;                 /* entries actually stored */
static size_t budget, used;
static int ttl;
static long hits, misses;

static uint64_t hash_key(const char *k, size_t n)
{
        uint64_t h = 1469598103934665603ULL; /* FNV-1a */
        for (size_t i = 0; i < n; i++) {
                h ^= (unsigned char)k[i];
                h *= 1099511628211ULL;
        }
        return h;
}

void cache_init(size_t max_bytes, int ttl_seconds)
{
        cache_free();
        budget = max_bytes;
        ttl = ttl_seconds;
}

static int find_slot(uint64_t h, const char *key, size_t keylen)
{
        for (unsigned i = 0, s = (unsigned)h & (SLOTS - 1); i < SLOTS;
             i++, s = (s + 1) & (SLOTS - 1)) {
                struct entry *e = table[s];
                if (!e)
                        return -1;
                if (e->hash == h && e->keylen == keylen && memcmp(e->data, key, keylen) == 0)
                        return (int)s;
        }
        return -1;
}

/* Removes slot s and re-inserts the run after it, so lookups never stop at a hole. */
static void remove_slot(unsigned s)
{
        table[s] = NULL;
        for (unsigned t = (s + 1) & (SLOTS - 1); table[t]; t = (t + 1) & (SLOTS - 1)) {
                struct entry *e = table[t];
                table[t] = NULL;
                unsigned u = (unsigned)e->hash & (SLOTS - 1);
                while (table[u])
                        u = (u + 1) & (SLOTS - 1);
                table[u] = e;
        }
}

static void evict_oldest(void)
{
        struct entry *e = fifo[fifo_head];
        fifo[fifo_head] = NULL;
        fifo_head = (fifo_head + 1) % (SLOTS / 2);
        fifo_count--;
        if (!e)
                return;
        int s = find_slot(e->hash, e->data, e->keylen);
        if (s >= 0 && table[s] == e)
                remove_slot((unsigned)s);
        used -= e->len + e->keylen;
        live--;
        free(e);
}

void cache_invalidate(void)
{
        while (fifo_count > 0)
                evict_oldest();
        fifo_head = 0;
}

void cache_free(void)
{
        cache_invalidate();
        hits = misses = 0;
}

const char *cache_get(const char *key, size_t keylen, size_t *len, size_t *header_len)
{
        if (!budget)
                return NULL;
        int s = find_slot(hash_key(key, keylen), key, keylen);
        if (s < 0 || time(NULL) - table[s]->stored >= ttl) {
                misses++;
                return NULL;
        }
        hits++;
        *len = table[s]->len;
        *header_len = table[s]->header_len;
        return table[s]->data + table[s]->keylen;
}

void cache_put(const char *key, size_t keylen, const char *response, size_t len, size_t header_len)
{
        if (!budget)
                return;
        uint64_t h = hash_key(key, keylen);
        int old = find_slot(h, key, keylen);
        if (old >= 0) {
                /* an older copy goes first, even when the new one is too big to keep */
                struct entry *e = table[old];
                remove_slot((unsigned)old);
                for (int i = 0; i < SLOTS / 2; i++)
                        if (fifo[i] == e) {
                                fifo[i] = NULL;
                                used -= e->len + e->keylen;
                                live--;
                                free(e);
                                break;
                        }
        }
        if (len + keylen > budget / 4)
                return;
        while (fifo_count > 0 && (used + len + keylen > budget || fifo_count == SLOTS / 2))
                evict_oldest();
        struct entry *e = malloc(sizeof(*e) + keylen + len);
        if (!e)
                return;
        e->hash = h;
        e->keylen = keylen;
        e->len = len;
        e->header_len = header_len;
        e->stored = time(NULL);
        memcpy(e->data, key, keylen);
        memcpy(e->data + keylen, response, len);
        unsigned s = (unsigned)h & (SLOTS - 1);
        while (table[s])
                s = (s + 1) & (SLOTS - 1);
        table[s] = e;
        fifo[(fifo_head + fifo_count) % (SLOTS / 2)] = e;
        fifo_count++;
        live++;
        used += len + keylen;
}

struct cache_stats cache_stats(void)
{
        return (struct cache_stats){hits, misses, live, used};
}
