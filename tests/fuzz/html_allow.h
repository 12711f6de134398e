/* html_allow.h: a strict checker of md_render's output, header-only, shared by the fuzz target
 * fuzz_markdown.c and the unit test test_markdown.c. It parses the HTML itself (it does not trust
 * the renderer's idea of it) and returns NULL when the output keeps every promise of markdown.h,
 * or a sentence naming the first broken one:
 *   - tags only from the allow-list, lower case, well formed and properly nested, every opened
 *     tag closed (br and hr are void); never "<script" in any case, never an <a> inside an <a>;
 *   - attributes only the allowed ones per tag (a: href, title, rel; ol: start), each in double
 *     quotes, none starting with "on"; href first, starting with http:// or https:// and a host
 *     character, or mailto:, never containing "javascript:"; rel exactly "nofollow ugc noopener";
 *     start an integer;
 *   - text and attribute values without a raw < > " ' or control character other than newline and
 *     tab, and every & the start of &amp; &lt; &gt; &quot; or &#39;.
 * It must never accept something it did not parse, and never be linked into production code. */
#ifndef CM_HTML_ALLOW_H
#define CM_HTML_ALLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#define HTML_ALLOW_MAX_STACK 64
#define HTML_ALLOW_REL       "nofollow ugc noopener"

static const char *const html_allow_tags_[] = {
    "p",  "br",         "em",   "strong", "h3", "h4", "h5", "h6", "ul",
    "ol", "blockquote", "code", "pre",    "hr", "li", "a",  NULL,
};

/* Length of the entity at s (which starts with '&'), or 0 when it is not one of ours. */
static size_t html_allow_entity_(const char *s, const char *end)
{
        static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL};

        for (int i = 0; ents[i]; i++) {
                size_t n = strlen(ents[i]);
                if ((size_t)(end - s) >= n && memcmp(s, ents[i], n) == 0)
                        return n;
        }
        return 0;
}

/* Checks text or an attribute value s[0..n); NULL when clean. */
static const char *html_allow_text_(const char *s, size_t n)
{
        const char *end = s + n;

        while (s < end) {
                unsigned char c = (unsigned char)*s;

                if (c == '<' || c == '>' || c == '"' || c == '\'')
                        return "a raw < > \" or ' outside a tag";
                if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
                        return "a control character in the output";
                if (c == '&') {
                        size_t e = html_allow_entity_(s, end);
                        if (e == 0)
                                return "an & that is not one of the five escapes";
                        s += e;
                        continue;
                }
                s++;
        }
        return NULL;
}

static bool html_allow_href_ok_(const char *v, size_t n)
{
        const char *rest;

        for (size_t i = 0; i + 11 <= n; i++)
                if (strncasecmp(v + i, "javascript:", 11) == 0)
                        return false;
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)v[i] <= 0x20 || (unsigned char)v[i] >= 0x7F)
                        return false; /* spaces and non-ASCII are percent-encoded */
        if (n >= 7 && strncasecmp(v, "mailto:", 7) == 0)
                return n > 7;
        if (n >= 7 && strncasecmp(v, "http://", 7) == 0)
                rest = v + 7;
        else if (n >= 8 && strncasecmp(v, "https://", 8) == 0)
                rest = v + 8;
        else
                return false;
        return rest < v + n && *rest != '/' && *rest != '\\';
}

/* The attributes of a start tag, from just after its name to its '>' (exclusive). */
static const char *html_allow_attrs_(const char *tag, const char *s, const char *end)
{
        int seen_href = 0, seen_rel = 0, seen_title = 0, seen_start = 0;

        while (s < end) {
                const char *name, *val, *q;
                size_t nlen, vlen;

                if (*s != ' ')
                        return "attributes not separated by one space";
                s++;
                name = s;
                while (s < end && *s >= 'a' && *s <= 'z')
                        s++;
                nlen = (size_t)(s - name);
                if (nlen == 0)
                        return "an attribute without a lower-case name";
                if (nlen >= 2 && strncmp(name, "on", 2) == 0)
                        return "an on* attribute";
                if (s + 1 >= end || s[0] != '=' || s[1] != '"')
                        return "an attribute value not in double quotes";
                val = s + 2;
                q = memchr(val, '"', (size_t)(end - val));
                if (!q)
                        return "an unterminated attribute value";
                vlen = (size_t)(q - val);
                s = q + 1;
                if (html_allow_text_(val, vlen))
                        return "an attribute value with a raw < > ' or a stray &";
                if (strcmp(tag, "a") == 0 && nlen == 4 && memcmp(name, "href", 4) == 0) {
                        if (seen_href++ || seen_title || seen_rel)
                                return "href repeated or not first";
                        if (!html_allow_href_ok_(val, vlen))
                                return "an href that is not http(s):// or mailto:";
                } else if (strcmp(tag, "a") == 0 && nlen == 5 && memcmp(name, "title", 5) == 0) {
                        if (seen_title++)
                                return "title repeated";
                } else if (strcmp(tag, "a") == 0 && nlen == 3 && memcmp(name, "rel", 3) == 0) {
                        if (seen_rel++ || vlen != strlen(HTML_ALLOW_REL) ||
                            memcmp(val, HTML_ALLOW_REL, vlen) != 0)
                                return "rel repeated or not \"nofollow ugc noopener\"";
                } else if (strcmp(tag, "ol") == 0 && nlen == 5 && memcmp(name, "start", 5) == 0) {
                        size_t i = val[0] == '-' ? 1 : 0;
                        if (seen_start++ || vlen == i)
                                return "start repeated or empty";
                        for (; i < vlen; i++)
                                if (val[i] < '0' || val[i] > '9')
                                        return "start is not an integer";
                } else {
                        return "an attribute that is not allowed on its tag";
                }
        }
        if (strcmp(tag, "a") == 0 && (!seen_href || !seen_rel))
                return "an <a> without href or rel";
        return NULL;
}

/* NULL when html[0..len) is clean (see the top of this file), else what is wrong. */
static const char *html_allow_check(const char *html, size_t len)
{
        const char *stack[HTML_ALLOW_MAX_STACK];
        int depth = 0, anchors = 0;
        const char *s = html, *end = html + len;

        for (size_t i = 0; i + 7 <= len; i++)
                if (strncasecmp(html + i, "<script", 7) == 0)
                        return "<script in the output";
        while (s < end) {
                const char *lt = memchr(s, '<', (size_t)(end - s));
                const char *gt, *name, *err;
                size_t nlen;
                bool closing;
                int t;

                if (!lt)
                        lt = end;
                if ((err = html_allow_text_(s, (size_t)(lt - s))) != NULL)
                        return err;
                if (lt == end)
                        break;
                gt = memchr(lt, '>', (size_t)(end - lt));
                if (!gt)
                        return "a < that never closes";
                closing = lt[1] == '/';
                name = lt + 1 + closing;
                nlen = 0;
                while (name + nlen < gt && ((name[nlen] >= 'a' && name[nlen] <= 'z') ||
                                            (name[nlen] >= '0' && name[nlen] <= '9')))
                        nlen++;
                for (t = 0; html_allow_tags_[t]; t++)
                        if (strlen(html_allow_tags_[t]) == nlen &&
                            memcmp(html_allow_tags_[t], name, nlen) == 0)
                                break;
                if (nlen == 0 || !html_allow_tags_[t])
                        return "a tag that is not on the allow-list";
                if (closing) {
                        if (name + nlen != gt)
                                return "a closing tag with something after its name";
                        if (depth == 0 || strcmp(stack[depth - 1], html_allow_tags_[t]) != 0)
                                return "a closing tag that does not match the open one";
                        if (strcmp(html_allow_tags_[t], "a") == 0)
                                anchors--;
                        depth--;
                } else {
                        if ((err = html_allow_attrs_(html_allow_tags_[t], name + nlen, gt)) != NULL)
                                return err;
                        if (strcmp(html_allow_tags_[t], "br") != 0 &&
                            strcmp(html_allow_tags_[t], "hr") != 0) {
                                if (depth == HTML_ALLOW_MAX_STACK)
                                        return "tags nested deeper than the checker's stack";
                                if (strcmp(html_allow_tags_[t], "a") == 0 && anchors++ > 0)
                                        return "an <a> inside an <a>";
                                stack[depth++] = html_allow_tags_[t];
                        }
                }
                s = gt + 1;
        }
        return depth == 0 ? NULL : "a tag left open";
}

#endif
