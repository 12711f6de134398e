/* view: see view.h. */
#include "view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ClearSilver.h>

#include "log.h"
#include "response.h"

#define MAX_CACHED 96

struct cached {
        enum lang lang;
        char *template;
        CSPARSE *cs;
};

static HDF *lang_hdf[LANG_COUNT];
static struct cached cache[MAX_CACHED];
static int ncached;
static char asset_version[32] = "1";

static void log_nerr(const char *what, NEOERR *err)
{
        STRING s;
        string_init(&s);
        nerr_error_traceback(err, &s);
        log_error("%s: %s", what, s.buf ? s.buf : "?");
        string_clear(&s);
        nerr_ignore(&err);
}

int view_init(const char *templates_dir, const char *static_dir)
{
        for (int i = 0; i < LANG_COUNT; i++) {
                HDF *h;
                NEOERR *err = hdf_init(&h);
                if (!err)
                        err = hdf_set_value(h, "Config.VarEscapeMode", "html");
                if (!err)
                        err = hdf_set_value(h, "hdf.loadpaths.0", templates_dir);
                char path[4096];
                snprintf(path, sizeof path, "lang/%s.hdf", lang_codes[i]);
                if (!err)
                        err = hdf_read_file(h, path);
                if (err) {
                        log_nerr(path, err);
                        return -1;
                }
                lang_hdf[i] = h;
        }
        /* cache-busting for CSS and JS: the stylesheet's mtime changes whenever assets change */
        char css[4096];
        snprintf(css, sizeof css, "%s/css/site.css", static_dir);
        struct stat st;
        if (stat(css, &st) == 0)
                snprintf(asset_version, sizeof asset_version, "%lx", (unsigned long)st.st_mtime);
        return 0;
}

void view_shutdown(void)
{
        for (int i = 0; i < ncached; i++) {
                cs_destroy(&cache[i].cs);
                free(cache[i].template);
        }
        ncached = 0;
        for (int i = 0; i < LANG_COUNT; i++)
                if (lang_hdf[i])
                        hdf_destroy(&lang_hdf[i]);
}

HDF *view_begin(const struct req *rq)
{
        HDF *h = lang_hdf[rq->lang];
        hdf_remove_tree(h, "Page");
        hdf_remove_tree(h, "P");
        hdf_remove_tree(h, "User");
        /* ClearSilver 0.10.5's hdf_remove_tree leaves the root's lookup cache pointing at the
         * freed nodes, and the next hdf_set_value would read them (valgrind saw it). */
        h->last_hp = NULL;
        h->last_hs = NULL;
        return h;
}

const char *view_str(enum lang lang, const char *key)
{
        char name[256];
        snprintf(name, sizeof name, "L.%s", key);
        return hdf_get_value(lang_hdf[lang], name, key);
}

static NEOERR *append_out(void *ctx, char *s)
{
        buf_puts(ctx, s);
        return STATUS_OK;
}

static CSPARSE *parsed(enum lang lang, const char *template)
{
        for (int i = 0; i < ncached; i++)
                if (cache[i].lang == lang && strcmp(cache[i].template, template) == 0)
                        return cache[i].cs;
        CSPARSE *cs = NULL;
        NEOERR *err = cs_init(&cs, lang_hdf[lang]);
        if (!err)
                err = cgi_register_strfuncs(cs);
        if (!err)
                err = cs_parse_file(cs, "layout.cs");
        if (err) {
                log_nerr(template, err);
                if (cs)
                        cs_destroy(&cs);
                return NULL;
        }
        if (ncached < MAX_CACHED) {
                cache[ncached].lang = lang;
                cache[ncached].template = strdup(template);
                cache[ncached].cs = cs;
                if (cache[ncached].template)
                        ncached++;
        }
        return cs;
}

int view_render(const struct req *rq, struct resp *rs, struct buf *out)
{
        HDF *h = lang_hdf[rq->lang];
        hset(h, rs->template, "Page.Template");
        hset(h, lang_codes[rq->lang], "Page.Lang");
        if (rs->title)
                hset(h, rs->title, "Page.Title");
        hset_int(h, rq->large_text, "Page.LargeText");
        hset_int(h, rs->status, "Page.Status");
        hset(h, rq->request_id, "Page.RequestId");
        hset(h, "/static", "Page.Static");
        hset(h, asset_version, "Page.AssetVersion");
        CSPARSE *cs = parsed(rq->lang, rs->template);
        if (!cs)
                return -1;
        NEOERR *err = cs_render(cs, out, append_out);
        bool cached = false;
        for (int i = 0; i < ncached; i++)
                cached |= cache[i].cs == cs;
        if (!cached)
                cs_destroy(&cs);
        if (err) {
                log_nerr(rs->template, err);
                return -1;
        }
        return 0;
}

void hset(HDF *h, const char *value, const char *fmt, ...)
{
        char name[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(name, sizeof name, fmt, ap);
        va_end(ap);
        NEOERR *err = hdf_set_value(h, name, value ? value : "");
        if (err)
                log_nerr(name, err);
}

void hset_int(HDF *h, long long value, const char *fmt, ...)
{
        char name[256], v[24];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(name, sizeof name, fmt, ap);
        va_end(ap);
        snprintf(v, sizeof v, "%lld", value);
        NEOERR *err = hdf_set_value(h, name, v);
        if (err)
                log_nerr(name, err);
}

static void set_row(HDF *node, const PGresult *r, int row)
{
        int ncols = PQnfields(r);
        for (int c = 0; c < ncols; c++) {
                if (PQgetisnull(r, row, c))
                        continue;
                NEOERR *err = hdf_set_value(node, PQfname(r, c), PQgetvalue(r, row, c));
                if (err)
                        log_nerr(PQfname(r, c), err);
        }
}

int hset_rows(HDF *h, const char *prefix, const PGresult *r)
{
        int n = PQntuples(r);
        for (int i = 0; i < n; i++) {
                char name[256];
                snprintf(name, sizeof name, "%s.%d", prefix, i);
                HDF *node;
                NEOERR *err = hdf_get_node(h, name, &node);
                if (err) {
                        log_nerr(name, err);
                        continue;
                }
                set_row(node, r, i);
        }
        return n;
}

bool hset_row(HDF *h, const char *prefix, const PGresult *r)
{
        if (!r || PQntuples(r) < 1)
                return false;
        HDF *node;
        NEOERR *err = hdf_get_node(h, prefix, &node);
        if (err) {
                log_nerr(prefix, err);
                return false;
        }
        set_row(node, r, 0);
        return true;
}
