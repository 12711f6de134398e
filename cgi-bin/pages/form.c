/* form: recording form errors for the templates (see form.h). */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "core/http.h"

void form_error(struct form_errors *fe, const char *field, const char *key)
{
        char mark[48];
        snprintf(mark, sizeof mark, ",%s,", field);
        if (strstr(fe->seen, mark))
                return; /* one message per field */
        size_t used = strlen(fe->seen);
        if (!used)
                fe->seen[used++] = ',';
        if (used + strlen(field) + 2 < sizeof fe->seen)
                snprintf(fe->seen + used, sizeof fe->seen - used, "%s,", field);
        char k[96];
        snprintf(k, sizeof k, "%s.%s", fe->family, key);
        const char *msg = view_str(fe->lang, k);
        hset(fe->h, msg, "P.Errors.%s", field);
        hset(fe->h, field, "P.ErrorList.%d.Field", fe->count);
        hset(fe->h, msg, "P.ErrorList.%d.Message", fe->count);
        fe->count++;
}

size_t form_chars(const char *s)
{
        return s ? http_utf8_chars(s, strlen(s)) : 0;
}
