/* sim_text: see sim_text.h. */
#include "sim/sim_text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The texts gatewaysim knows, in Aliyun's ${variable} form; Tencent's positional templates fill the
 * same places in order. Other configured templates get a generic text. */
static const struct {
        const char *name;
        const char *text;
} known_texts[] = {
    {"login_code", "您的登录验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。"},
    {"family_code", "您的家人正在课程超市关联您的账户，验证码${code}，5分钟内有效，请勿泄露。"},
};

static const char *known_text(const char *name)
{
        for (size_t i = 0; i < sizeof known_texts / sizeof known_texts[0]; i++)
                if (strcmp(known_texts[i].name, name) == 0)
                        return known_texts[i].text;
        return NULL;
}

static bool copy_part(char *dst, size_t cap, const char *src, size_t len)
{
        if (len == 0 || len >= cap)
                return false;
        memcpy(dst, src, len);
        dst[len] = '\0';
        return true;
}

int sim_parse_templates(const char *spec, struct sim_template *out, size_t cap)
{
        size_t n = 0;
        const char *p = spec ? spec : "";

        for (;;) {
                p += strspn(p, " \t");
                if (!*p)
                        return (int)n;
                size_t len = strcspn(p, " \t");
                const char *colon = memchr(p, ':', len);
                if (!colon || n == cap)
                        return -1;
                size_t name_len = (size_t)(colon - p);
                if (!copy_part(out[n].name, sizeof out[n].name, p, name_len) ||
                    !copy_part(out[n].code, sizeof out[n].code, colon + 1, len - name_len - 1) ||
                    strchr(out[n].code, ':'))
                        return -1;
                n++;
                p += len;
        }
}

const struct sim_template *sim_template_by_code(const struct sim_template *t, size_t n,
                                                const char *code)
{
        for (size_t i = 0; code && i < n; i++)
                if (strcmp(t[i].code, code) == 0)
                        return &t[i];
        return NULL;
}

static bool all_digits(const char *s, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return n > 0;
}

bool sim_phone_normalize(const char *in, char out[12])
{
        size_t n;

        out[0] = '\0';
        if (!in)
                return false;
        if (strncmp(in, "+86", 3) == 0)
                in += 3;
        else if (strncmp(in, "0086", 4) == 0)
                in += 4;
        else if (strncmp(in, "86", 2) == 0 && strlen(in) == 13)
                in += 2;
        n = strlen(in);
        if (n != 11 || !all_digits(in, n) || in[0] != '1' || in[1] < '3')
                return false;
        memcpy(out, in, 12);
        return true;
}

int sim_parse_iso8601(const char *s, long long *unix_seconds)
{
        struct tm tm;
        int year, mon, day, hour, min, sec, used = 0;

        if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
            s[16] != ':' || s[19] != 'Z')
                return -1;
        if (!all_digits(s, 4) || !all_digits(s + 5, 2) || !all_digits(s + 8, 2) ||
            !all_digits(s + 11, 2) || !all_digits(s + 14, 2) || !all_digits(s + 17, 2))
                return -1;
        if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &year, &mon, &day, &hour, &min, &sec, &used) !=
                6 ||
            used != 20)
                return -1;
        if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
                return -1;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = year - 1900;
        tm.tm_mon = mon - 1;
        tm.tm_mday = day;
        tm.tm_hour = hour;
        tm.tm_min = min;
        tm.tm_sec = sec;
        time_t t = timegm(&tm);
        /* timegm normalises 31 April to 1 May: such a date was not a real one */
        if (t == (time_t)-1 || tm.tm_mday != day || tm.tm_mon != mon - 1)
                return -1;
        *unix_seconds = (long long)t;
        return 0;
}

/* Copies the value of "key=" from the comma-separated list after the algorithm. */
static bool auth_field(const char *fields, const char *key, char *dst, size_t cap)
{
        size_t klen = strlen(key);

        for (const char *p = fields; *p;) {
                p += strspn(p, " ,");
                size_t len = strcspn(p, ",");
                if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
                        size_t vlen = len - klen - 1;
                        while (vlen > 0 && p[klen + vlen] == ' ')
                                vlen--;
                        return copy_part(dst, cap, p + klen + 1, vlen);
                }
                p += len;
        }
        return false;
}

int sim_tc3_parse(const char *header, struct sim_tc3_auth *out)
{
        char credential[256];
        const char *p;
        size_t len;

        memset(out, 0, sizeof *out);
        if (!header)
                return -1;
        len = strcspn(header, " ");
        if (!copy_part(out->algorithm, sizeof out->algorithm, header, len) || header[len] != ' ')
                return -1;
        p = header + len;
        if (!auth_field(p, "Credential", credential, sizeof credential) ||
            !auth_field(p, "SignedHeaders", out->signed_headers, sizeof out->signed_headers) ||
            !auth_field(p, "Signature", out->signature, sizeof out->signature))
                return -1;

        /* ID/DATE/SERVICE/tc3_request: exactly four parts */
        char *parts[4];
        char *s = credential;
        for (int i = 0; i < 4; i++) {
                char *slash = strchr(s, '/');

                parts[i] = s;
                if (i == 3)
                        break;
                if (!slash)
                        return -1;
                *slash = '\0';
                s = slash + 1;
        }
        if (strchr(parts[3], '/'))
                return -1;
        if (!copy_part(out->secret_id, sizeof out->secret_id, parts[0], strlen(parts[0])) ||
            !copy_part(out->date, sizeof out->date, parts[1], strlen(parts[1])) ||
            !copy_part(out->service, sizeof out->service, parts[2], strlen(parts[2])) ||
            !copy_part(out->terminator, sizeof out->terminator, parts[3], strlen(parts[3])))
                return -1;
        return 0;
}

static void put_sign(struct buf *out, const char *sign)
{
        buf_puts(out, "【");
        buf_puts(out, sign);
        buf_puts(out, "】");
}

/* A template gatewaysim has no text for: its name and every value in order. */
static enum sim_fill fill_generic(const char *name, json_t *values, struct buf *out)
{
        size_t i = 0;
        const char *k;
        json_t *v;

        buf_puts(out, name);
        buf_puts(out, "：");
        if (json_is_object(values)) {
                json_object_foreach(values, k, v)
                {
                        if (!json_is_string(v))
                                return SIM_FILL_NOT_STRING;
                        if (i++)
                                buf_puts(out, "，");
                        buf_puts(out, json_string_value(v));
                }
        } else {
                json_array_foreach(values, i, v)
                {
                        if (!json_is_string(v))
                                return SIM_FILL_NOT_STRING;
                        if (i)
                                buf_puts(out, "，");
                        buf_puts(out, json_string_value(v));
                }
        }
        return SIM_FILL_OK;
}

/* Fills text's ${variable} places: from the object by name, or from the array in order. */
static enum sim_fill fill_places(const char *text, json_t *params, struct buf *out)
{
        size_t next = 0;
        const char *p = text;

        while (*p) {
                const char *open = strstr(p, "${");
                const char *close = open ? strchr(open, '}') : NULL;
                json_t *v;

                if (!close) {
                        buf_puts(out, p);
                        break;
                }
                buf_append(out, p, (size_t)(open - p));
                if (json_is_object(params)) {
                        char var[64];
                        if (!copy_part(var, sizeof var, open + 2, (size_t)(close - open - 2)))
                                return SIM_FILL_MISSING;
                        v = json_object_get(params, var);
                        if (!v)
                                return SIM_FILL_MISSING;
                } else {
                        v = json_array_get(params, next++);
                        if (!v)
                                return SIM_FILL_COUNT;
                }
                if (!json_is_string(v))
                        return SIM_FILL_NOT_STRING;
                buf_puts(out, json_string_value(v));
                p = close + 1;
        }
        if (json_is_array(params) && next != json_array_size(params))
                return SIM_FILL_COUNT;
        return SIM_FILL_OK;
}

static enum sim_fill fill(const char *name, const char *sign, json_t *params, struct buf *out)
{
        const char *text = known_text(name);

        put_sign(out, sign);
        return text ? fill_places(text, params, out) : fill_generic(name, params, out);
}

enum sim_fill sim_fill_named(const char *name, const char *sign, json_t *params, struct buf *out)
{
        if (!json_is_object(params))
                return SIM_FILL_BAD;
        return fill(name, sign, params, out);
}

enum sim_fill sim_fill_positional(const char *name, const char *sign, json_t *params,
                                  struct buf *out)
{
        if (!json_is_array(params))
                return SIM_FILL_BAD;
        return fill(name, sign, params, out);
}
