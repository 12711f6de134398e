/* form: how a page's form checks report bad input. Each problem is recorded once per field, in
 * the words of the lang files (L.<family>.<key>): P.Errors.<field> for the message next to the
 * field and P.ErrorList.N.Field/Message for the summary at the top of the form (templates show
 * both). Later problems with a field that already has one are dropped, so the user sees the
 * first thing to fix. */
#ifndef CM_FORM_H
#define CM_FORM_H

#include <stddef.h>

#include "pages.h"

struct form_errors {
        HDF *h;
        enum lang lang;
        const char *family; /* the lang file section of the messages, e.g. "agency_courses" */
        int count;          /* errors recorded so far: the form is fine while it is 0 */
        char seen[512];     /* ",field,field," of the fields with an error */
};

/* Records L.<family>.<key> as the error of field, unless field already has one. */
void form_error(struct form_errors *fe, const char *field, const char *key);

/* The length of s in characters (UTF-8 code points); 0 for NULL. */
size_t form_chars(const char *s);

#endif
