/* test_cache.c: unit tests for cgi-bin/core/cache.c, the per-worker response cache: put/get round
 * trips (bytes and header_len exact), misses, a key replaced by a newer put (no leak, counted
 * once), keys differing in one byte, the FIFO ring of at most 2048 entries (5000 puts), the byte
 * budget (oldest evicted first, entries over budget/4 refused), TTL expiry, cache_invalidate, a
 * disabled cache, cache_free then cache_init, and open addressing under heavy collisions: keys are
 * chosen so that their home slots crowd one probe run, entries are evicted or replaced from the
 * middle of it, and every key is checked against a model of what must be present. Run it under
 * valgrind too. The TTL check sleeps for at most 3 seconds; nothing else depends on the clock. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "tap.h"

#define SLOTS    4096 /* must match cache.c: the table size the collision tests aim at */
#define RING     (SLOTS / 2)
#define LONG_TTL 3600 /* no test but the TTL one may see an entry expire */

/* ---------------------------------------------------------------- helpers */

/* The home slot cache.c gives a key: FNV-1a, low bits. */
static unsigned home_of(const char *k, size_t n)
{
        uint64_t h = 1469598103934665603ULL;

        for (size_t i = 0; i < n; i++) {
                h ^= (unsigned char)k[i];
                h *= 1099511628211ULL;
        }
        return (unsigned)h & (SLOTS - 1);
}

/* Writes into out the first key "<prefix><n>" (n counting up from *next) whose home slot is in
 * [lo, lo + width) modulo SLOTS. */
static void key_with_home(char *out, size_t size, const char *prefix, unsigned *next, unsigned lo,
                          unsigned width)
{
        for (;; (*next)++) {
                int n = snprintf(out, size, "%s%u", prefix, *next);

                if (((home_of(out, (size_t)n) - lo) & (SLOTS - 1)) < width) {
                        (*next)++;
                        return;
                }
        }
}

static void put_str(const char *key, const char *resp, size_t header_len)
{
        cache_put(key, strlen(key), resp, strlen(resp), header_len);
}

/* 1 when key is cached with exactly resp (and header_len if want_hl >= 0). */
static int has(const char *key, const char *resp, long want_hl)
{
        size_t len = 0, hl = 0;
        const char *got = cache_get(key, strlen(key), &len, &hl);

        if (!got || len != strlen(resp) || memcmp(got, resp, len) != 0)
                return 0;
        return want_hl < 0 || hl == (size_t)want_hl;
}

static int absent(const char *key)
{
        size_t len = 0, hl = 0;

        return cache_get(key, strlen(key), &len, &hl) == NULL;
}

/* ---------------------------------------------------------------- basics */

static void test_round_trip(void)
{
        /* a response with NULs and a header/body split, as app.c stores them */
        static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>\0x\0</p>";
        const char *key = "0|0|/catalog?page=2";
        size_t len = 0, hl = 0,
               want_hl = strlen("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");

        cache_init(1 << 20, LONG_TTL);
        cache_put(key, strlen(key), resp, sizeof resp - 1, want_hl);
        const char *got = cache_get(key, strlen(key), &len, &hl);
        ok(got != NULL, "get after put: a hit");
        is_mem(got, got ? len : 0, resp, sizeof resp - 1,
               "get: the stored bytes exactly (NULs too)");
        is_int((long long)hl, (long long)want_hl, "get: header_len exactly");
        ok(got != resp, "get: a copy, not the caller's buffer");

        len = 77;
        hl = 78;
        ok(cache_get("0|0|/catalog?page=3", 19, &len, &hl) == NULL, "get of an unknown key: NULL");
        ok(len == 77 && hl == 78, "a miss leaves *len and *header_len alone");
        ok(cache_get("", 0, &len, &hl) == NULL, "get of the empty key: NULL");

        struct cache_stats st = cache_stats();
        is_int(st.hits, 1, "stats: one hit");
        is_int(st.misses, 2, "stats: two misses");
        is_int(st.entries, 1, "stats: one entry");
        is_int((long long)st.bytes, (long long)(strlen(key) + sizeof resp - 1),
               "stats: bytes are key plus response");

        /* a zero-length response is a valid entry */
        cache_put("empty", 5, "", 0, 0);
        got = cache_get("empty", 5, &len, &hl);
        ok(got != NULL && len == 0 && hl == 0, "a zero-length response round trips");
        cache_free();
}

static void test_replace(void)
{
        const char *key = "0|0|/course/42?";

        cache_init(1 << 20, LONG_TTL);
        put_str(key, "HTTP old response", 5);
        put_str(key, "HTTP newer, longer response", 9);
        ok(has(key, "HTTP newer, longer response", 9),
           "replaced key: get gives the newer response");
        struct cache_stats st = cache_stats();
        is_int(st.entries, 1, "replaced key: counted once in entries");
        is_int((long long)st.bytes,
               (long long)(strlen(key) + strlen("HTTP newer, longer response")),
               "replaced key: bytes count only the newer copy");

        /* replace one key many more times than the ring holds */
        char resp[64];
        for (int i = 0; i < 3 * RING; i++) {
                snprintf(resp, sizeof resp, "HTTP version %d", i);
                put_str(key, resp, 4);
        }
        ok(has(key, resp, 4), "after 6144 replacements: the last response");
        st = cache_stats();
        is_int(st.entries, 1, "after 6144 replacements: one entry");
        is_int((long long)st.bytes, (long long)(strlen(key) + strlen(resp)),
               "after 6144 replacements: bytes of one entry");

        /* other keys still go in and stay alongside */
        put_str("other-a", "A", 0);
        put_str("other-b", "B", 0);
        ok(has("other-a", "A", 0) && has("other-b", "B", 0) && has(key, resp, 4),
           "after replacements: new keys stored next to the replaced one");
        is_int(cache_stats().entries, 3, "after replacements: three entries");
        cache_free();
}

static void test_one_byte_apart(void)
{
        cache_init(1 << 20, LONG_TTL);
        put_str("0|0|/course/1?", "course one", 0);
        put_str("0|0|/course/2?", "course two", 0);
        put_str("1|0|/course/1?", "course one, English", 0);
        put_str("0|0|/course/1?x", "course one, with x", 0);
        cache_put("k\0a", 3, "nul a", 5, 0);
        cache_put("k\0b", 3, "nul b", 5, 0);

        ok(has("0|0|/course/1?", "course one", 0), "keys one byte apart: the first");
        ok(has("0|0|/course/2?", "course two", 0), "keys one byte apart: the second");
        ok(has("1|0|/course/1?", "course one, English", 0), "keys differing in the first byte");
        ok(has("0|0|/course/1?x", "course one, with x", 0), "a key that extends another");
        ok(absent("0|0|/course/1"), "a prefix of a stored key is a miss");
        ok(absent("0|0|/course/3?"), "a third key one byte away is a miss");

        size_t len = 0, hl = 0;
        const char *a = cache_get("k\0a", 3, &len, &hl);
        is_mem(a, a ? len : 0, "nul a", 5, "keys with a NUL, one byte apart: the first");
        const char *b = cache_get("k\0b", 3, &len, &hl);
        is_mem(b, b ? len : 0, "nul b", 5, "keys with a NUL, one byte apart: the second");
        ok(cache_get("k", 1, &len, &hl) == NULL, "a key cut at its NUL is a miss");
        is_int(cache_stats().entries, 6, "six distinct keys, six entries");
        cache_free();
}

/* ---------------------------------------------------------------- capacity */

static void test_many_keys(void)
{
        enum { N = 5000 };
        char key[64], resp[96];
        size_t want_bytes = 0;
        int bad_new = 0, bad_old = 0;
        size_t budget = 64u << 20;

        cache_init(budget, LONG_TTL);
        for (int i = 0; i < N; i++) {
                int kn = snprintf(key, sizeof key, "0|0|/catalog?page=%d", i);
                int rn = snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\n\r\npage %d", i);

                cache_put(key, (size_t)kn, resp, (size_t)rn, 19);
                if (i >= N - RING)
                        want_bytes += (size_t)(kn + rn);
        }
        for (int i = 0; i < N; i++) {
                snprintf(key, sizeof key, "0|0|/catalog?page=%d", i);
                snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\n\r\npage %d", i);
                if (i >= N - RING)
                        bad_new += !has(key, resp, 19);
                else
                        bad_old += !absent(key);
        }
        is_int(bad_new, 0, "5000 puts: the newest 2048 all present with their own response");
        is_int(bad_old, 0, "5000 puts: the 2952 oldest all evicted");
        struct cache_stats st = cache_stats();
        is_int(st.entries, RING, "5000 puts: entries is the ring size, 2048");
        is_int((long long)st.bytes, (long long)want_bytes, "5000 puts: bytes of the newest 2048");
        ok(st.bytes <= budget, "5000 puts: bytes within budget");
        cache_free();

        /* the same with a budget that holds far fewer than 2048 */
        budget = 10000;
        cache_init(budget, LONG_TTL);
        int first_present = -1, holes = 0;
        for (int i = 0; i < N; i++) {
                int kn = snprintf(key, sizeof key, "0|0|/catalog?page=%d", i);
                int rn = snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\n\r\npage %d", i);

                cache_put(key, (size_t)kn, resp, (size_t)rn, 19);
        }
        for (int i = 0; i < N; i++) {
                snprintf(key, sizeof key, "0|0|/catalog?page=%d", i);
                snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\n\r\npage %d", i);
                if (has(key, resp, 19)) {
                        if (first_present < 0)
                                first_present = i;
                } else if (first_present >= 0) {
                        holes++;
                }
        }
        st = cache_stats();
        ok(st.bytes <= budget, "small budget, 5000 puts: bytes %zu within budget %zu", st.bytes,
           budget);
        ok(st.entries > 0 && st.entries <= RING, "small budget: entries %ld in (0, 2048]",
           st.entries);
        is_int(holes, 0, "small budget: the present keys are exactly the newest ones");
        is_int(N - first_present, st.entries, "small budget: entries counts the present keys");
        ok(st.bytes + 64 > budget, "small budget: the budget is nearly full, not emptied");
        cache_free();
}

static void test_budget(void)
{
        char key[16], resp[256];

        /* budget 1000: five entries of exactly 200 bytes fit, budget / 4 = 250 */
        cache_init(1000, LONG_TTL);
        memset(resp, 'r', sizeof resp);
        resp[sizeof resp - 1] = '\0';
        for (int i = 0; i < 5; i++) {
                snprintf(key, sizeof key, "key-%d", i); /* 5 bytes */
                cache_put(key, 5, resp, 195, 10);
        }
        struct cache_stats st = cache_stats();
        is_int(st.entries, 5, "budget: five 200-byte entries fit in 1000");
        is_int((long long)st.bytes, 1000, "budget: bytes exactly at the budget");
        cache_put("key-5", 5, resp, 195, 10);
        size_t len, hl;
        ok(cache_get("key-0", 5, &len, &hl) == NULL, "budget: the sixth put evicts the oldest");
        int rest = 1;
        for (int i = 1; i <= 5; i++) {
                snprintf(key, sizeof key, "key-%d", i);
                rest &= cache_get(key, 5, &len, &hl) != NULL && len == 195 && hl == 10;
        }
        ok(rest, "budget: the other five present");
        is_int((long long)cache_stats().bytes, 1000, "budget: still exactly 1000 bytes");

        /* one 250-byte put (budget / 4 exactly) must evict two 200-byte ones, oldest first */
        cache_put("big-1", 5, resp, 245, 0);
        ok(cache_get("key-1", 5, &len, &hl) == NULL && cache_get("key-2", 5, &len, &hl) == NULL,
           "budget: a 250-byte entry evicts the two oldest");
        ok(cache_get("key-3", 5, &len, &hl) != NULL && cache_get("key-5", 5, &len, &hl) != NULL,
           "budget: the newer ones stay");
        ok(cache_get("big-1", 5, &len, &hl) != NULL && len == 245,
           "budget: an entry of exactly budget / 4 is stored");
        st = cache_stats();
        is_int(st.entries, 4, "budget: four entries");
        is_int((long long)st.bytes, 850, "budget: 850 bytes");

        /* one byte over budget / 4 is refused and evicts nothing */
        cache_put("big-2", 5, resp, 246, 0);
        ok(cache_get("big-2", 5, &len, &hl) == NULL, "budget: an entry over budget / 4 is refused");
        st = cache_stats();
        ok(st.entries == 4 && st.bytes == 850, "budget: a refused entry evicts nothing");
        cache_free();
}

static void test_ttl(void)
{
        size_t len, hl;

        cache_init(1 << 20, 1);
        /* start at the beginning of a second so "present" cannot straddle one (waits < 1 s) */
        time_t t0 = time(NULL);
        while (time(NULL) == t0) {
                struct timespec ts = {0, 5 * 1000 * 1000};
                nanosleep(&ts, NULL);
        }
        put_str("ttl-key", "fresh", 0);
        ok(has("ttl-key", "fresh", 0), "ttl 1 s: present right after the put");
        sleep(2);
        ok(cache_get("ttl-key", 7, &len, &hl) == NULL, "ttl 1 s: absent 2 s later");
        put_str("ttl-key", "fresh again", 0);
        ok(has("ttl-key", "fresh again", 0), "ttl: a put over an expired copy is fresh again");
        is_int(cache_stats().entries, 1, "ttl: the expired copy is not counted beside it");
        cache_free();
}

static void test_invalidate(void)
{
        char key[32];
        int found = 0;

        cache_init(1 << 20, LONG_TTL);
        for (int i = 0; i < 100; i++) {
                snprintf(key, sizeof key, "0|0|/course/%d?", i);
                put_str(key, "some page", 3);
        }
        is_int(cache_stats().entries, 100, "invalidate: 100 entries before");
        cache_invalidate();
        struct cache_stats st = cache_stats();
        is_int(st.entries, 0, "invalidate: 0 entries");
        is_int((long long)st.bytes, 0, "invalidate: 0 bytes");
        for (int i = 0; i < 100; i++) {
                snprintf(key, sizeof key, "0|0|/course/%d?", i);
                found += !absent(key);
        }
        is_int(found, 0, "invalidate: every key is a miss");
        cache_invalidate();
        is_int(cache_stats().entries, 0, "invalidate twice: still empty");

        put_str("0|0|/course/7?", "page seven", 3);
        ok(has("0|0|/course/7?", "page seven", 3), "after invalidate: put and get work again");
        is_int(cache_stats().entries, 1, "after invalidate: one entry");
        /* and the ring still fills to its limit after an invalidate moved its head */
        for (int i = 0; i < RING + 10; i++) {
                snprintf(key, sizeof key, "0|0|/course/%d?", i);
                put_str(key, "x", 0);
        }
        is_int(cache_stats().entries, RING, "after invalidate: the ring still holds 2048");
        cache_free();
}

static void test_disabled(void)
{
        size_t len, hl;

        cache_init(0, LONG_TTL);
        put_str("0|0|/?", "home page", 3);
        ok(cache_get("0|0|/?", 6, &len, &hl) == NULL, "disabled: a put is not stored");
        struct cache_stats st = cache_stats();
        is_int(st.entries, 0, "disabled: 0 entries");
        is_int((long long)st.bytes, 0, "disabled: 0 bytes");
        cache_invalidate();
        is_int(cache_stats().entries, 0, "disabled: invalidate is harmless");
        cache_free();
}

static void test_free_init(void)
{
        char key[32];

        cache_init(1 << 20, LONG_TTL);
        for (int i = 0; i < 50; i++) {
                snprintf(key, sizeof key, "k%d", i);
                put_str(key, "v", 0);
        }
        ok(has("k3", "v", 0) && absent("nope"), "before free: a hit and a miss");
        cache_free();
        struct cache_stats st = cache_stats();
        ok(st.entries == 0 && st.bytes == 0 && st.hits == 0 && st.misses == 0,
           "cache_free: everything zero");

        cache_init(4096, LONG_TTL);
        ok(absent("k3"), "init again: old entries gone");
        put_str("k3", "new v", 1);
        ok(has("k3", "new v", 1), "init again: put and get work");
        st = cache_stats();
        ok(st.entries == 1 && st.bytes == 7 && st.hits == 1 && st.misses == 1,
           "init again: stats count from zero");
        /* the new, smaller budget applies: 4096 / 4 = 1024 */
        char big[1100];
        memset(big, 'b', sizeof big);
        cache_put("big", 3, big, sizeof big, 0);
        ok(absent("big"), "init again: the new budget applies");

        /* init without free in between also starts empty */
        cache_init(1 << 20, LONG_TTL);
        ok(absent("k3") && cache_stats().entries == 0, "init over a filled cache empties it");
        cache_free();
        cache_free();
        ok(cache_stats().entries == 0, "cache_free twice is harmless");
}

/* ---------------------------------------------------------------- collisions */

/* A hand-made probe run at home slot H: key B (home H + 2) goes in first and sits at H + 2; the
 * five keys A1..A5 (home H) fill H, H + 1, then H + 3, H + 4, H + 5 around it. Evicting B leaves a
 * hole in the middle of the run; A3..A5 must still be found. Then A2 is replaced (a deletion from
 * the middle once more). At H = 4094 the run wraps past the end of the table. */
static void probe_run_case(unsigned H)
{
        char a[5][32], b[32], far[32], name[120];
        unsigned next = 0;
        size_t len, hl;

        key_with_home(b, sizeof b, "b-", &next, (H + 2) & (SLOTS - 1), 1);
        for (int i = 0; i < 5; i++)
                key_with_home(a[i], sizeof a[i], "a-", &next, H, 1);
        key_with_home(far, sizeof far, "far-", &next, (H + 2048) & (SLOTS - 1), 1);

        /* every entry: key and response 100 bytes together; room for exactly six */
        char resp[128];
        memset(resp, 'x', sizeof resp);
        size_t blen = 100 - strlen(b);
        cache_init(600 + 50, LONG_TTL);
        cache_put(b, strlen(b), resp, blen, 0);
        for (int i = 0; i < 5; i++)
                cache_put(a[i], strlen(a[i]), resp, 100 - strlen(a[i]), (size_t)i);
        int all = cache_get(b, strlen(b), &len, &hl) != NULL;
        for (int i = 0; i < 5; i++)
                all &= cache_get(a[i], strlen(a[i]), &len, &hl) != NULL && hl == (size_t)i;
        snprintf(name, sizeof name, "probe run at %u: all six keys found", H);
        ok(all, "%s", name);

        cache_put(far, strlen(far), resp, 100 - strlen(far), 9); /* evicts b, the oldest */
        snprintf(name, sizeof name, "probe run at %u: the oldest (mid-run) key evicted", H);
        ok(cache_get(b, strlen(b), &len, &hl) == NULL, "%s", name);
        all = 1;
        for (int i = 0; i < 5; i++)
                all &= cache_get(a[i], strlen(a[i]), &len, &hl) != NULL && hl == (size_t)i;
        snprintf(name, sizeof name, "probe run at %u: every key after the hole still found", H);
        ok(all, "%s", name);

        /* replace a[1]: removed from slot H + 1 and stored again at the end of the run */
        cache_put(a[1], strlen(a[1]), resp, 100 - strlen(a[1]), 42);
        all = cache_get(a[1], strlen(a[1]), &len, &hl) != NULL && hl == 42;
        for (int i = 0; i < 5; i++)
                if (i != 1)
                        all &= cache_get(a[i], strlen(a[i]), &len, &hl) != NULL && hl == (size_t)i;
        all &= cache_get(far, strlen(far), &len, &hl) != NULL;
        snprintf(name, sizeof name, "probe run at %u: after replacing a mid-run key all found", H);
        ok(all, "%s", name);

        /* evict them one by one, oldest first, checking the rest each time */
        int order[] = {0, 2, 3, 4}, ok_all = 1;
        for (int j = 0; j < 4; j++) {
                char filler[32];
                key_with_home(filler, sizeof filler, "fill-", &next, (H + 1000) & (SLOTS - 1), 100);
                cache_put(filler, strlen(filler), resp, 100 - strlen(filler), 0);
                ok_all &= cache_get(a[order[j]], strlen(a[order[j]]), &len, &hl) == NULL;
                for (int k = j + 1; k < 4; k++)
                        ok_all &= cache_get(a[order[k]], strlen(a[order[k]]), &len, &hl) != NULL;
                ok_all &= cache_get(a[1], strlen(a[1]), &len, &hl) != NULL;
        }
        snprintf(name, sizeof name, "probe run at %u: evicting from the front keeps the rest", H);
        ok(ok_all, "%s", name);
        cache_free();
}

/* Model of the cache for the randomized test: live keys oldest first (a replaced key moves to the
 * end). Eviction is by bytes only; the test makes fewer puts than the ring holds. */
enum { POOL = 300, STEPS = 1200 };
static char pool[POOL][32];
static char model_resp[POOL][300];
static size_t model_len[POOL], model_hl[POOL];
static int model_order[POOL], model_n;
static size_t model_used;

static size_t entry_size(int k)
{
        return strlen(pool[k]) + model_len[k];
}

static void model_remove_at(int pos)
{
        model_used -= entry_size(model_order[pos]);
        memmove(&model_order[pos], &model_order[pos + 1],
                (size_t)(model_n - pos - 1) * sizeof model_order[0]);
        model_n--;
}

static void model_put(int k, const char *resp, size_t len, size_t hl, size_t budget)
{
        for (int i = 0; i < model_n; i++)
                if (model_order[i] == k) {
                        model_remove_at(i);
                        break;
                }
        size_t need = strlen(pool[k]) + len;
        while (model_n > 0 && model_used + need > budget)
                model_remove_at(0);
        memcpy(model_resp[k], resp, len);
        model_len[k] = len;
        model_hl[k] = hl;
        model_order[model_n++] = k;
        model_used += need;
}

static int model_has(int k)
{
        for (int i = 0; i < model_n; i++)
                if (model_order[i] == k)
                        return 1;
        return 0;
}

static void test_collisions_model(void)
{
        const size_t budget = 16000; /* about 100 of the entries below */
        unsigned next = 0, rnd = 12345;
        int wrong = 0, checks = 0, first_bad_step = -1, replaced_mid = 0;

        /* 240 keys homed in 64 slots near 100 and 60 homed in 8 slots inside the run they make */
        for (int k = 0; k < POOL; k++) {
                if (k < 240)
                        key_with_home(pool[k], sizeof pool[k], "0|0|/c?id=", &next, 100, 64);
                else
                        key_with_home(pool[k], sizeof pool[k], "1|0|/s?id=", &next, 200, 8);
        }
        model_n = 0;
        model_used = 0;
        cache_init(budget, LONG_TTL);
        for (int step = 0; step < STEPS; step++) {
                rnd = rnd * 1103515245u + 12345u;
                int k = (int)((rnd >> 8) % POOL);
                rnd = rnd * 1103515245u + 12345u;
                size_t len = 40 + (rnd >> 8) % 250;
                char resp[300];
                int n = snprintf(resp, sizeof resp, "%d:%s:", step, pool[k]);
                memset(resp + n, 'a' + step % 26, len - (size_t)n);
                size_t hl = (size_t)step % len;

                int was_mid = model_n > 1 && model_has(k) && model_order[model_n - 1] != k;
                replaced_mid += was_mid;
                cache_put(pool[k], strlen(pool[k]), resp, len, hl);
                model_put(k, resp, len, hl, budget);

                for (int j = 0; j < POOL; j++) {
                        size_t glen = 0, ghl = 0;
                        const char *got = cache_get(pool[j], strlen(pool[j]), &glen, &ghl);
                        int good = model_has(j)
                                       ? got && glen == model_len[j] && ghl == model_hl[j] &&
                                             memcmp(got, model_resp[j], glen) == 0
                                       : got == NULL;

                        checks++;
                        if (!good) {
                                wrong++;
                                if (first_bad_step < 0)
                                        first_bad_step = step;
                        }
                }
                struct cache_stats st = cache_stats();
                if (st.entries != model_n || st.bytes != model_used) {
                        wrong++;
                        if (first_bad_step < 0)
                                first_bad_step = step;
                }
        }
        ok(replaced_mid > 100 && model_n > 50,
           "collision model: the run really replaced mid-run keys (%d) and holds %d", replaced_mid,
           model_n);
        if (!ok(wrong == 0, "collision model: %d gets over %d puts all match the model", checks,
                STEPS))
                printf("#   %d mismatches, first after put %d\n", wrong, first_bad_step);
        is_int(cache_stats().entries, model_n, "collision model: entries match the model");
        is_int((long long)cache_stats().bytes, (long long)model_used,
               "collision model: bytes match the model");

        /* evict everything from the front, one put at a time, checking the survivors */
        wrong = 0;
        for (int step = 0; step < 400; step++) {
                char key[32], resp[200];
                key_with_home(key, sizeof key, "0|0|/far?", &next, 3000, 40);
                memset(resp, 'z', sizeof resp);
                cache_put(key, strlen(key), resp, sizeof resp - strlen(key), 0);
                size_t need = sizeof resp;
                while (model_n > 0 && model_used + need > budget)
                        model_remove_at(0);
                model_used += need; /* the far keys are not modelled one by one */
                for (int j = 0; j < POOL; j++) {
                        size_t glen, ghl;
                        const char *got = cache_get(pool[j], strlen(pool[j]), &glen, &ghl);

                        if (model_has(j) ? !got || glen != model_len[j] : got != NULL)
                                wrong++;
                }
                if (model_n == 0)
                        break;
        }
        is_int(wrong, 0, "collision model: draining the run from its oldest end loses no key");
        is_int(model_n, 0, "collision model: the pool was drained completely");
        cache_free();
}

int main(void)
{
        test_round_trip();
        test_replace();
        test_one_byte_apart();
        test_many_keys();
        test_budget();
        test_ttl();
        test_invalidate();
        test_disabled();
        test_free_init();
        probe_run_case(500);
        probe_run_case(SLOTS - 2);
        test_collisions_model();
        return done_testing();
}
