/* response: see response.h. The only place response bytes are assembled. */
#include "response.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"

void resp_init(struct resp *rs, struct arena *a)
{
        memset(rs, 0, sizeof(*rs));
        rs->arena = a;
        rs->status = 200;
        buf_init(&rs->body);
}

static bool header_safe(const char *s)
{
        for (; *s; s++)
                if (*s == '\r' || *s == '\n')
                        return false;
        return true;
}

void resp_header(struct resp *rs, const char *name, const char *value)
{
        if (!header_safe(name) || !header_safe(value))
                return; /* never split a response; callers pass our own values anyway */
        struct header *h = arena_alloc(rs->arena, sizeof(*h));
        h->name = arena_strdup(rs->arena, name);
        h->value = arena_strdup(rs->arena, value);
        struct header **tail = &rs->headers;
        while (*tail)
                tail = &(*tail)->next;
        *tail = h;
}

void resp_cookie(struct resp *rs, const char *name, const char *value, const struct cookie_opts *o)
{
        char *v = arena_printf(rs->arena, "%s=%s; Path=/; SameSite=Lax%s%s", name,
                               o->max_age < 0 ? "" : value, o->http_only ? "; HttpOnly" : "",
                               o->secure ? "; Secure" : "");
        if (o->max_age > 0)
                v = arena_printf(rs->arena, "%s; Max-Age=%ld", v, o->max_age);
        else if (o->max_age < 0)
                v = arena_printf(rs->arena, "%s; Max-Age=0", v);
        resp_header(rs, "Set-Cookie", v);
}

bool resp_local_path_ok(const char *s)
{
        if (!s || s[0] != '/' || s[1] == '/' || s[1] == '\\')
                return false;
        for (; *s; s++)
                if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '\\')
                        return false;
        return true;
}

void resp_redirect(struct resp *rs, int status, const char *location)
{
        rs->status = status;
        rs->template = NULL;
        resp_header(rs, "Location", resp_local_path_ok(location) ? location : "/");
}

void resp_text(struct resp *rs, int status, const char *content_type, const char *text)
{
        rs->status = status;
        rs->template = NULL;
        rs->content_type = content_type;
        buf_clear(&rs->body);
        buf_puts(&rs->body, text);
}

const char *http_reason(int status)
{
        switch (status) {
        case 200:
                return "OK";
        case 204:
                return "No Content";
        case 302:
                return "Found";
        case 303:
                return "See Other";
        case 304:
                return "Not Modified";
        case 400:
                return "Bad Request";
        case 403:
                return "Forbidden";
        case 404:
                return "Not Found";
        case 405:
                return "Method Not Allowed";
        case 409:
                return "Conflict";
        case 413:
                return "Content Too Large";
        case 414:
                return "URI Too Long";
        case 422:
                return "Unprocessable Content";
        case 429:
                return "Too Many Requests";
        case 500:
                return "Internal Server Error";
        case 503:
                return "Service Unavailable";
        default:
                return "Status";
        }
}

bool resp_sets_cookie(const struct resp *rs)
{
        for (const struct header *h = rs->headers; h; h = h->next)
                if (strcasecmp(h->name, "Set-Cookie") == 0)
                        return true;
        return false;
}

size_t resp_serialize(const struct resp *rs, const char *body, size_t body_len, struct buf *out)
{
        buf_printf(out, "Status: %d %s\r\n", rs->status, http_reason(rs->status));
        if (rs->content_type)
                buf_printf(out, "Content-Type: %s\r\n", rs->content_type);
        buf_printf(out, "Content-Length: %zu\r\n", body_len);
        buf_puts(out, "X-Content-Type-Options: nosniff\r\n"
                      "Referrer-Policy: same-origin\r\n"
                      "X-Frame-Options: DENY\r\n");
        if (rs->no_store)
                buf_puts(out, "Cache-Control: no-store\r\n");
        for (const struct header *h = rs->headers; h; h = h->next)
                buf_printf(out, "%s: %s\r\n", h->name, h->value);
        buf_puts(out, "\r\n");
        size_t header_len = out->len;
        if (!rs->head_only)
                buf_append(out, body, body_len);
        return header_len;
}
