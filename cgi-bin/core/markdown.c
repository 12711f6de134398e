/* markdown.c: see markdown.h. Agencies' Markdown parsed with libcmark and rendered here by walking
 * the syntax tree with cmark's iterator (no recursion, so no stack depth to worry about), emitting
 * only the allow-listed elements. It must never call cmark's HTML renderer, never copy a literal
 * into the output without escaping it, and never print an href that url_allowed refused. */
#include "markdown.h"

#include <stdbool.h>
#include <string.h>

#include <cmark.h>

#include "buf.h"
#include "http.h"

/* ---------------------------------------------------------------- parsing and the limits */

/* Containers count for the depth; leaves (text, code, breaks, code and HTML blocks, thematic
 * breaks) only ever get CMARK_EVENT_ENTER from the iterator, so they never do. */
static enum md_status depth_ok(cmark_node *root)
{
        cmark_iter *it = cmark_iter_new(root);
        cmark_event_type ev;
        int depth = 0;
        enum md_status st = MD_OK;

        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
                cmark_node *n = cmark_iter_get_node(it);

                if (n == root)
                        continue;
                if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(n) != NULL) {
                        if (++depth > MD_MAX_DEPTH) {
                                st = MD_TOO_DEEP;
                                break;
                        }
                } else if (ev == CMARK_EVENT_EXIT && cmark_node_first_child(n) != NULL) {
                        depth--;
                }
        }
        cmark_iter_free(it);
        return st;
}

/* Checks the limits and parses; *root is set (and must be freed) only when MD_OK is returned. */
static enum md_status parse(const char *text, size_t len, cmark_node **root)
{
        enum md_status st;

        *root = NULL;
        if (len > MD_MAX_BYTES)
                return MD_TOO_LONG;
        if (len > 0 && (!text || !http_utf8_valid(text, len)))
                return MD_BAD_UTF8;
        *root = cmark_parse_document(len ? text : "", len, CMARK_OPT_DEFAULT);
        st = depth_ok(*root);
        if (st != MD_OK) {
                cmark_node_free(*root);
                *root = NULL;
        }
        return st;
}

enum md_status md_check(const char *text, size_t len)
{
        cmark_node *root;
        enum md_status st = parse(text, len, &root);

        if (root)
                cmark_node_free(root);
        return st;
}

/* ---------------------------------------------------------------- escaping */

/* What a byte of text becomes: an entity for & < > " ', nothing for a control character other
 * than tab and newline (they have no business in a page; a browser shows them as boxes), or NULL
 * when it stays as it is. */
static const char *escape_of(char c)
{
        switch (c) {
        case '&':
                return "&amp;";
        case '<':
                return "&lt;";
        case '>':
                return "&gt;";
        case '"':
                return "&quot;";
        case '\'':
                return "&#39;";
        case '\t':
        case '\n':
                return NULL;
        default:
                return ((unsigned char)c < 0x20 || c == 0x7F) ? "" : NULL;
        }
}

static void put_escaped_n(struct buf *out, const char *s, size_t n)
{
        const char *run = s, *end = s + n;

        for (; s < end; s++) {
                const char *rep = escape_of(*s);

                if (!rep)
                        continue;
                buf_append(out, run, (size_t)(s - run));
                buf_puts(out, rep);
                run = s + 1;
        }
        buf_append(out, run, (size_t)(s - run));
}

static void put_escaped(struct buf *out, const char *s)
{
        if (s)
                put_escaped_n(out, s, strlen(s));
}

static bool prefix_nocase(const char *s, const char *prefix)
{
        for (; *prefix; s++, prefix++) {
                char c = *s;

                if (c >= 'A' && c <= 'Z')
                        c = (char)(c - 'A' + 'a');
                if (c != *prefix)
                        return false;
        }
        return true;
}

/* The only URLs a link may keep: http:// or https:// and then a host character (not a slash or a
 * backslash, which browsers read as a slash), or mailto: and then something; no control character
 * (C0 or DEL) anywhere, since browsers strip such bytes before they read the scheme. The scheme is
 * the URL's first byte, so a leading space cannot hide one; a space inside is percent-encoded by
 * put_href. Nor may "javascript:" or "vbscript:" appear anywhere in it (in any case), not even
 * harmlessly as in "https://x.example/?next=javascript:…": a page that hands the value on, or a
 * filter downstream, must never see one. cmark has already decoded entities and backslash
 * escapes, so "&#106;avascript:"
 * arrives here as "javascript:" and is refused like every other scheme; a percent-encoded scheme
 * is no scheme. */
static bool url_allowed(const char *u)
{
        const char *rest;

        if (!u)
                return false;
        for (const unsigned char *p = (const unsigned char *)u; *p; p++)
                if (*p < 0x20 || *p == 0x7F || prefix_nocase((const char *)p, "javascript:") ||
                    prefix_nocase((const char *)p, "vbscript:"))
                        return false;
        if (prefix_nocase(u, "http://"))
                rest = u + 7;
        else if (prefix_nocase(u, "https://"))
                rest = u + 8;
        else if (prefix_nocase(u, "mailto:"))
                return u[7] != '\0';
        else
                return false;
        return *rest != '\0' && *rest != '/' && *rest != '\\';
}

/* An allowed URL as an attribute value: RFC 3986 characters stay (but & and ' are escaped), every
 * other byte is percent-encoded, so nothing in it can close the attribute or the tag. */
static void put_href(struct buf *out, const char *u)
{
        static const char hex[] = "0123456789ABCDEF";

        for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
                unsigned char c = *p;

                if (c == '&') {
                        buf_puts(out, "&amp;");
                } else if (c == '\'') {
                        buf_puts(out, "&#39;");
                } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || strchr("-._~:/?#[]@!$()*+,;=%", c)) {
                        buf_putc(out, (char)c);
                } else {
                        buf_putc(out, '%');
                        buf_putc(out, hex[c >> 4]);
                        buf_putc(out, hex[c & 15]);
                }
        }
}

/* ---------------------------------------------------------------- md_render */

/* A paragraph directly in an item of a tight list is printed without <p>, as CommonMark says. */
static bool in_tight_item(cmark_node *para)
{
        cmark_node *item = cmark_node_parent(para);
        cmark_node *list = item ? cmark_node_parent(item) : NULL;

        return item && list && cmark_node_get_type(item) == CMARK_NODE_ITEM &&
               cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
}

/* A link becomes <a> when its URL is allowed and no enclosing link became one (CommonMark keeps
 * links out of links, but HTML must never nest anchors, whatever the parser does). The answer is
 * the same on entering and on leaving the node, so the tags always pair up. */
static bool link_opens(cmark_node *link)
{
        if (!url_allowed(cmark_node_get_url(link)))
                return false;
        for (cmark_node *a = cmark_node_parent(link); a; a = cmark_node_parent(a))
                if (cmark_node_get_type(a) == CMARK_NODE_LINK && url_allowed(cmark_node_get_url(a)))
                        return false;
        return true;
}

static int heading_level(cmark_node *n)
{
        int level = cmark_node_get_heading_level(n) + 2;

        return level < 3 ? 3 : level > 6 ? 6 : level;
}

/* Inside an image only its alt text is printed: text, code and inline HTML as escaped text, line
 * breaks as spaces, no element at all (not even a link inside the description). */
static void render_alt(struct buf *out, cmark_node *n, cmark_event_type ev)
{
        if (ev != CMARK_EVENT_ENTER)
                return;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
                put_escaped(out, cmark_node_get_literal(n));
                break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
                buf_putc(out, ' ');
                break;
        default:
                break;
        }
}

/* An HTML block as a paragraph of its escaped source, its lines kept apart by <br> as in a
 * paragraph, without the trailing newlines. */
static void render_html_block(struct buf *out, const char *lit)
{
        size_t n = lit ? strlen(lit) : 0;

        while (n > 0 && (lit[n - 1] == '\n' || lit[n - 1] == '\r'))
                n--;
        buf_puts(out, "<p>");
        for (size_t i = 0, line = 0; i <= n; i++) {
                if (i < n && lit[i] != '\n')
                        continue;
                put_escaped_n(out, lit + line, i - line);
                if (i < n)
                        buf_puts(out, "<br>\n");
                line = i + 1;
        }
        buf_puts(out, "</p>\n");
}

static void render_node(struct buf *out, cmark_node *n, cmark_event_type ev)
{
        bool enter = ev == CMARK_EVENT_ENTER;

        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_BLOCK_QUOTE:
                buf_puts(out, enter ? "<blockquote>\n" : "</blockquote>\n");
                break;
        case CMARK_NODE_LIST: {
                bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                int start = cmark_node_get_list_start(n);

                if (!enter)
                        buf_puts(out, ordered ? "</ol>\n" : "</ul>\n");
                else if (!ordered)
                        buf_puts(out, "<ul>\n");
                else if (start != 1)
                        buf_printf(out, "<ol start=\"%d\">\n", start);
                else
                        buf_puts(out, "<ol>\n");
                break;
        }
        case CMARK_NODE_ITEM:
                buf_puts(out, enter ? "<li>" : "</li>\n");
                break;
        case CMARK_NODE_CODE_BLOCK:
                buf_puts(out, "<pre><code>");
                put_escaped(out, cmark_node_get_literal(n));
                buf_puts(out, "</code></pre>\n");
                break;
        case CMARK_NODE_HTML_BLOCK:
                render_html_block(out, cmark_node_get_literal(n));
                break;
        case CMARK_NODE_PARAGRAPH:
                if (!in_tight_item(n))
                        buf_puts(out, enter ? "<p>" : "</p>\n");
                break;
        case CMARK_NODE_HEADING:
                buf_printf(out, enter ? "<h%d>" : "</h%d>\n", heading_level(n));
                break;
        case CMARK_NODE_THEMATIC_BREAK:
                buf_puts(out, "<hr>\n");
                break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
                put_escaped(out, cmark_node_get_literal(n));
                break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
                buf_puts(out, "<br>\n");
                break;
        case CMARK_NODE_CODE:
                buf_puts(out, "<code>");
                put_escaped(out, cmark_node_get_literal(n));
                buf_puts(out, "</code>");
                break;
        case CMARK_NODE_EMPH:
                buf_puts(out, enter ? "<em>" : "</em>");
                break;
        case CMARK_NODE_STRONG:
                buf_puts(out, enter ? "<strong>" : "</strong>");
                break;
        case CMARK_NODE_LINK: {
                const char *url = cmark_node_get_url(n);
                const char *title = cmark_node_get_title(n);

                if (!link_opens(n))
                        break; /* the link goes, its text stays */
                if (!enter) {
                        buf_puts(out, "</a>");
                        break;
                }
                buf_puts(out, "<a href=\"");
                put_href(out, url);
                buf_puts(out, "\"");
                if (title && *title) {
                        buf_puts(out, " title=\"");
                        put_escaped(out, title);
                        buf_puts(out, "\"");
                }
                buf_puts(out, " rel=\"nofollow ugc noopener\">");
                break;
        }
        default:
                /* the document, and custom nodes (which the parser never makes): children only */
                break;
        }
}

int md_render(const char *text, size_t len, struct buf *out)
{
        cmark_node *root;
        cmark_iter *it;
        cmark_event_type ev;
        int in_image = 0;

        if (parse(text, len, &root) != MD_OK)
                return -1;
        it = cmark_iter_new(root);
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
                cmark_node *n = cmark_iter_get_node(it);

                if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
                        in_image += ev == CMARK_EVENT_ENTER ? 1 : -1;
                        continue;
                }
                if (in_image > 0)
                        render_alt(out, n, ev);
                else
                        render_node(out, n, ev);
        }
        cmark_iter_free(it);
        cmark_node_free(root);
        return 0;
}

/* ---------------------------------------------------------------- md_plain */

/* Collapses whitespace while appending: a pending space is written only before the next visible
 * character, so there is never a leading, trailing or doubled space. */
struct plain {
        struct buf *out;
        size_t start;
        bool space;
};

static void plain_space(struct plain *p)
{
        p->space = true;
}

static void plain_text(struct plain *p, const char *s)
{
        const unsigned char *u = (const unsigned char *)s;

        if (!s)
                return;
        while (*u) {
                size_t n = 1;

                if (*u == ' ' || (*u >= '\t' && *u <= '\r')) {
                        plain_space(p);
                } else if (*u < 0x20 || *u == 0x7F) {
                        /* other control characters are dropped */
                } else if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
                        n = 3; /* U+3000 IDEOGRAPHIC SPACE */
                        plain_space(p);
                } else if (u[0] == 0xC2 && u[1] == 0xA0) {
                        n = 2; /* U+00A0 NO-BREAK SPACE */
                        plain_space(p);
                } else if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F) {
                        n = 2; /* C1 control characters are dropped */
                } else {
                        if (p->space && p->out->len > p->start)
                                buf_putc(p->out, ' ');
                        p->space = false;
                        buf_putc(p->out, (char)*u);
                }
                u += n;
        }
}

static bool is_block(cmark_node *n)
{
        cmark_node_type t = cmark_node_get_type(n);

        return t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK;
}

int md_plain(const char *text, size_t len, size_t max_chars, struct buf *out)
{
        cmark_node *root;
        cmark_iter *it;
        cmark_event_type ev;
        struct plain p = {.out = out, .start = out->len, .space = false};
        size_t chars = 0, cut = 0, i;

        if (parse(text, len, &root) != MD_OK)
                return -1;
        it = cmark_iter_new(root);
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
                cmark_node *n = cmark_iter_get_node(it);

                switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE:
                case CMARK_NODE_HTML_INLINE:
                case CMARK_NODE_CODE_BLOCK:
                case CMARK_NODE_HTML_BLOCK:
                        plain_text(&p, cmark_node_get_literal(n));
                        break;
                default:
                        break;
                }
                if (is_block(n) || cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK ||
                    cmark_node_get_type(n) == CMARK_NODE_LINEBREAK)
                        plain_space(&p);
        }
        cmark_iter_free(it);
        cmark_node_free(root);

        /* count characters; remember where character max_chars - 1 ends, in case we must cut */
        for (i = p.start; i < out->len; i++) {
                if (((unsigned char)out->data[i] & 0xC0) == 0x80)
                        continue;
                if (chars == (max_chars > 0 ? max_chars - 1 : 0))
                        cut = i;
                chars++;
        }
        if (chars <= max_chars)
                return 0;
        out->len = cut;
        while (out->len > p.start && out->data[out->len - 1] == ' ')
                out->len--;
        out->data[out->len] = '\0';
        if (max_chars > 0)
                buf_puts(out, "\xE2\x80\xA6");
        return 0;
}
