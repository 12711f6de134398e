/* test_view.c: unit tests for core/view with the real templates/ and lang/<code>.hdf files:
 * view_init loads every language; the zh-CN and en string trees (L.*) have exactly the same keys,
 * so the two languages stay in sync; the error page escapes a hostile title in both languages and
 * has exactly one <h1>; no template uses alt: (which ClearSilver does not escape), nor uvar: on
 * anything but a *.Html variable (md_render's output, docs/ui.md); every page
 * template under templates/pages renders in both languages. Templates come from $CM_TEMPLATES, else
 * $srcdir/templates (automake sets srcdir for tests), else
 * ./templates. It needs no database. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "arena.h"
#include "buf.h"
#include "request.h"
#include "response.h"
#include "tap.h"
#include "view.h"

static char templates_dir[4096];
static char static_dir[4096];

static void find_dirs(void)
{
        const char *t = getenv("CM_TEMPLATES");
        const char *srcdir = getenv("srcdir");

        if (!srcdir || !*srcdir)
                srcdir = ".";
        if (t && *t)
                snprintf(templates_dir, sizeof templates_dir, "%s", t);
        else
                snprintf(templates_dir, sizeof templates_dir, "%s/templates", srcdir);
        snprintf(static_dir, sizeof static_dir, "%s/static", srcdir);
        size_t n = strlen(templates_dir);
        while (n > 1 && templates_dir[n - 1] == '/')
                templates_dir[--n] = '\0';
}

static int count_of(const char *hay, const char *needle)
{
        int n = 0;

        for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
                n++;
        return n;
}

/* ------------------------------------------------- the two languages have the same keys */

static HDF *load_lang(const char *code)
{
        HDF *h = NULL;
        char path[256];
        NEOERR *err = hdf_init(&h);

        snprintf(path, sizeof path, "lang/%s.hdf", code);
        if (!err)
                err = hdf_set_value(h, "hdf.loadpaths.0", templates_dir);
        if (!err)
                err = hdf_read_file(h, path);
        if (err) {
                STRING s;
                string_init(&s);
                nerr_error_string(err, &s);
                printf("# loading %s: %s\n", path, s.buf ? s.buf : "?");
                string_clear(&s);
                nerr_ignore(&err);
                if (h)
                        hdf_destroy(&h);
                return NULL;
        }
        return h;
}

/* Every node under node (named prefix) that has a value must have a value in other too; each
 * missing key is reported by its full name. Returns the number of keys checked. */
static int walk_keys(HDF *node, const char *prefix, HDF *other, const char *this_lang,
                     const char *other_lang, int *missing)
{
        int n = 0;

        for (HDF *c = hdf_obj_child(node); c; c = hdf_obj_next(c)) {
                char name[512];
                snprintf(name, sizeof name, "%s.%s", prefix, hdf_obj_name(c));
                if (hdf_obj_value(c)) {
                        n++;
                        HDF *o = hdf_get_obj(other, name);
                        if (!o || !hdf_obj_value(o)) {
                                (*missing)++;
                                printf("#   %s is in %s but missing from %s\n", name, this_lang,
                                       other_lang);
                        }
                }
                n += walk_keys(c, name, other, this_lang, other_lang, missing);
        }
        return n;
}

static void test_lang_sync(void)
{
        HDF *zh = load_lang("zh-CN"), *en = load_lang("en");

        ok(zh != NULL, "lang/zh-CN.hdf loads");
        ok(en != NULL, "lang/en.hdf loads");
        if (!zh || !en) {
                if (zh)
                        hdf_destroy(&zh);
                if (en)
                        hdf_destroy(&en);
                return;
        }
        HDF *lzh = hdf_get_obj(zh, "L"), *len = hdf_get_obj(en, "L");
        ok(lzh != NULL && len != NULL, "both languages have an L tree");
        if (lzh && len) {
                int miss_en = 0, miss_zh = 0;
                int nzh = walk_keys(lzh, "L", en, "zh-CN", "en", &miss_en);
                int nen = walk_keys(len, "L", zh, "en", "zh-CN", &miss_zh);
                ok(nzh > 50, "zh-CN has L.* strings (%d)", nzh);
                is_int(miss_en, 0, "every zh-CN L.* key exists in en");
                is_int(miss_zh, 0, "every en L.* key exists in zh-CN");
                is_int(nzh, nen, "both languages have the same number of L.* keys");
        }
        is_str(hdf_get_value(zh, "L.lang_code", NULL), "zh-CN", "zh-CN L.lang_code");
        is_str(hdf_get_value(en, "L.lang_code", NULL), "en", "en L.lang_code");
        hdf_destroy(&zh);
        hdf_destroy(&en);
}

/* ------------------------------------------------- rendering */

static struct arena *A;

static int render(enum lang lang, const char *template, const char *title, int status,
                  struct buf *out)
{
        struct req rq;
        struct resp rs;

        memset(&rq, 0, sizeof rq);
        rq.arena = A;
        rq.lang = lang;
        rq.method = HTTP_GET;
        rq.path = "/nope";
        rq.request_id = "req-test-1";
        resp_init(&rs, A);
        rs.status = status;
        rs.template = template;
        rs.title = title;
        rs.hdf = view_begin(&rq);
        if (status >= 400) {
                hset(rs.hdf, title, "P.Title");
                hset_int(rs.hdf, status, "P.Status");
                hset(rs.hdf, "<img src=x onerror=alert(2)>", "P.Detail");
                hset(rs.hdf, "<b>q</b>", "Page.Q");
        }
        buf_clear(out);
        int st = view_render(&rq, &rs, out);
        buf_free(&rs.body);
        return st;
}

static void test_error_page(void)
{
        static const char *const evil = "Oops <script>alert(1)</script> & \"quotes\"";
        struct buf out;

        buf_init(&out);
        for (int l = 0; l < LANG_COUNT; l++) {
                const char *code = lang_codes[l];
                int st = render((enum lang)l, "pages/error.cs", evil, 404, &out);
                is_int(st, 0, "error.cs renders");
                const char *s = buf_cstr(&out);
                char want[64];

                ok(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
                   "%s: the title is HTML-escaped", code);
                ok(strstr(s, "<script>alert") == NULL, "%s: no raw <script>alert", code);
                ok(strstr(s, "<img src=x") == NULL, "%s: P.Detail escaped", code);
                ok(strstr(s, "<b>q</b>") == NULL, "%s: Page.Q escaped", code);
                is_int(count_of(s, "<h1"), 1, "exactly one <h1>");
                snprintf(want, sizeof want, "<html lang=\"%s\"", code);
                ok(strstr(s, want) != NULL, "%s: %s", code, want);
                ok(strstr(s, "id=\"error-q\"") != NULL, "%s: a 404 offers a search box", code);
                ok(strstr(s, "req-test-1") != NULL, "%s: the request id is shown", code);
                ok(strstr(s, l == LANG_ZH ? "返回首页" : "Go to the home page") != NULL,
                   "%s: the page speaks its language", code);
        }
        buf_free(&out);
}

/* ClearSilver 0.10.5 prints the value of alt: without Config.VarEscapeMode (it is uvar: in
 * disguise), so no template may use it: "if:X ?><?cs var:X ?><?cs else ?>…<?cs /if" is the safe
 * spelling. Returns the number of alt: commands in the file, each reported as file:line. */
static int alt_uses(const char *path, const char *rel)
{
        FILE *f = fopen(path, "r");
        char line[4096];
        int n = 0, lineno = 0;

        if (!f) {
                printf("#   cannot read %s\n", path);
                return 1;
        }
        while (fgets(line, sizeof line, f)) {
                lineno++;
                for (const char *p = strstr(line, "<?cs"); p; p = strstr(p + 4, "<?cs")) {
                        const char *c = p + 4;
                        while (*c == ' ' || *c == '\t')
                                c++;
                        if (strncmp(c, "alt:", 4) == 0) {
                                n++;
                                printf("#   %s:%d uses alt:, which is not HTML-escaped\n", rel,
                                       lineno);
                        }
                }
        }
        fclose(f);
        return n;
}

/* uvar: prints raw HTML, so it may print only what md_render made, which C sets under a key whose
 * last part is "Html" (docs/ui.md): the whole command must be "uvar:" and one variable name
 * ending in ".Html", nothing else (no expression, no function, no concatenation). Returns the
 * number of other uvar: commands in text, each reported as rel:lineno unless rel is NULL. */
static int uvar_misuses_in(const char *text, const char *rel, int lineno)
{
        int n = 0;

        for (const char *p = strstr(text, "<?cs"); p; p = strstr(p + 4, "<?cs")) {
                const char *c = p + 4, *name, *end;

                while (*c == ' ' || *c == '\t')
                        c++;
                if (strncmp(c, "uvar", 4) != 0)
                        continue;
                c += 4;
                while (*c == ' ' || *c == '\t')
                        c++;
                if (*c != ':')
                        continue;
                c++;
                while (*c == ' ' || *c == '\t')
                        c++;
                name = c;
                while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                       (*c >= '0' && *c <= '9') || *c == '_' || *c == '.')
                        c++;
                end = c;
                while (*c == ' ' || *c == '\t')
                        c++;
                if (strncmp(c, "?>", 2) == 0 && end - name > 5 &&
                    strncmp(end - 5, ".Html", 5) == 0 && name[0] != '.' && end[-6] != '.')
                        continue;
                n++;
                if (rel)
                        printf("#   %s:%d uses uvar: on something that is not a *.Html variable\n",
                               rel, lineno);
        }
        return n;
}

static int uvar_misuses(const char *path, const char *rel)
{
        FILE *f = fopen(path, "r");
        char line[4096];
        int n = 0, lineno = 0;

        if (!f) {
                printf("#   cannot read %s\n", path);
                return 1;
        }
        while (fgets(line, sizeof line, f))
                n += uvar_misuses_in(line, rel, ++lineno);
        fclose(f);
        return n;
}

/* The rule itself can fail: these lines break it, those keep it. */
static void test_uvar_rule(void)
{
        static const char *const bad[] = {
            "<?cs uvar:P.Name ?>",
            "<?cs uvar:P.Course.Html.x ?>",
            "<?cs uvar:P.Course.XHtml ?>",
            "<?cs uvar:P.CourseHtml ?>",
            "<?cs uvar:Html ?>",
            "<?cs uvar:.Html ?>",
            "<?cs uvar:P..Html ?>",
            "<?cs uvar:P.A.Html + P.B ?>",
            "<?cs uvar:string.slice(P.A.Html, 0, 5) ?>",
            "<?cs uvar:P.A.html ?>",
            "<?cs  uvar : P.Title ?>",
            "<p><?cs uvar:P.A.Html ?> and <?cs uvar:P.B ?></p>",
        };
        static const char *const good[] = {
            "<?cs uvar:P.Course.Html ?>",
            "<?cs uvar:c.Description.Html?>",
            "<div class=\"prose\"><?cs  uvar : P.About.Html  ?></div>",
            "<?cs var:P.Name ?> <?cs var:P.Course.Html ?>",
        };

        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
                is_int(uvar_misuses_in(bad[i], NULL, 0), 1, bad[i]);
        for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
                is_int(uvar_misuses_in(good[i], NULL, 0), 0, good[i]);
}

/* For every template: no alt:; and every page template renders (with no data) in both
 * languages, which catches syntax errors and includes of missing files the day they are
 * written. */
static int templates_seen, pages_seen, alt_total, uvar_total;

static int visit(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
        (void)sb;
        (void)ftw;
        size_t n = strlen(path);
        if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".cs") != 0)
                return 0;
        const char *rel = path + strlen(templates_dir) + 1; /* "pages/..." */

        templates_seen++;
        alt_total += alt_uses(path, rel);
        uvar_total += uvar_misuses(path, rel);
        if (strncmp(rel, "pages/", 6) != 0)
                return 0;
        struct buf out;

        pages_seen++;
        buf_init(&out);
        for (int l = 0; l < LANG_COUNT; l++) {
                int st = render((enum lang)l, rel, "T", 200, &out);
                ok(st == 0 && out.len > 0, "%s renders in %s", rel, lang_codes[l]);
        }
        buf_free(&out);
        return 0;
}

static void test_all_templates(void)
{
        templates_seen = pages_seen = alt_total = uvar_total = 0;
        ok(nftw(templates_dir, visit, 8, FTW_PHYS) == 0, "walked %s", templates_dir);
        ok(templates_seen > 2, "found templates (%d)", templates_seen);
        ok(pages_seen > 0, "found page templates (%d)", pages_seen);
        is_int(alt_total, 0, "no template uses alt: (it bypasses escaping)");
        is_int(uvar_total, 0, "uvar: prints only *.Html variables (md_render's output)");
}

int main(void)
{
        find_dirs();
        printf("# templates: %s\n", templates_dir);
        A = arena_new(64 * 1024);

        int st = view_init(templates_dir, static_dir);
        is_int(st, 0, "view_init loads every language");
        test_lang_sync();
        test_uvar_rule();
        if (st == 0) {
                test_error_page();
                test_all_templates();
        }
        view_shutdown();
        arena_free(A);
        return done_testing();
}
