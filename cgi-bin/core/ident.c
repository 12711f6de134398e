/* ident: see ident.h. Pure validators and maskers; this file must never log, print or keep an
 * identifier, and never allocate. Every loop over an input is bounded by the identifier's length,
 * so an overlong or unterminated-looking input costs at most a few dozen reads. */
#include "ident.h"

#include <stddef.h>

static bool is_digit(char c)
{
        return c >= '0' && c <= '9';
}

/* True when s has exactly len characters before its NUL (reads at most len + 1 bytes). */
static bool has_len(const char *s, size_t len)
{
        for (size_t i = 0; i < len; i++)
                if (s[i] == '\0')
                        return false;
        return s[len] == '\0';
}

/* ---------------------------------------------------------------- mobile numbers */

bool ident_mobile_valid(const char *s)
{
        if (!s || !has_len(s, 11))
                return false;
        for (int i = 0; i < 11; i++)
                if (!is_digit(s[i]))
                        return false;
        return s[0] == '1' && s[1] >= '3' && s[1] <= '9';
}

static bool is_sep(char c)
{
        return c == ' ' || c == '-';
}

bool ident_mobile_normalize(const char *in, char out[12])
{
        const char *p = in;
        int n = 0;

        out[0] = '\0';
        if (!p)
                return false;
        if (p[0] == '+') {
                if (p[1] != '8' || p[2] != '6')
                        return false;
                p += 3;
        } else if (p[0] == '8' && p[1] == '6') {
                /* Unambiguous: a canonical number starts with 1, never with 86. */
                p += 2;
        }
        if (p != in && is_sep(*p) && is_digit(p[1]))
                p++;
        for (; *p; p++) {
                if (is_digit(*p)) {
                        if (n == 11)
                                goto fail;
                        out[n++] = *p;
                } else if (is_sep(*p) && n > 0 && is_digit(p[1])) {
                        /* one separator, between two digits */
                } else {
                        goto fail;
                }
        }
        out[n] = '\0';
        if (ident_mobile_valid(out))
                return true;
fail:
        out[0] = '\0';
        return false;
}

void ident_mobile_mask(const char *mobile, char out[12])
{
        for (int i = 0; i < 11; i++)
                out[i] = '*';
        out[11] = '\0';
        if (!ident_mobile_valid(mobile))
                return;
        for (int i = 0; i < 3; i++)
                out[i] = mobile[i];
        for (int i = 7; i < 11; i++)
                out[i] = mobile[i];
}

void ident_phone_mask(const char *phone, char out[21])
{
        size_t len = 0, digits = 0;
        while (phone && len <= 20 && phone[len])
                len++;
        out[0] = '\0';
        if (len == 0)
                return;
        if (ident_mobile_valid(phone)) {
                ident_mobile_mask(phone, out);
                return;
        }
        bool shape = len <= 20;
        for (size_t i = 0; shape && i < len; i++) {
                if (is_digit(phone[i]))
                        digits++;
                else if (phone[i] != '-' && phone[i] != '+' && phone[i] != ' ')
                        shape = false;
        }
        if (!shape || digits == 0) {
                for (int i = 0; i < 11; i++)
                        out[i] = '*';
                out[11] = '\0';
                return;
        }
        size_t seen = 0;
        for (size_t i = 0; i < len; i++) {
                bool digit = is_digit(phone[i]);
                seen += digit;
                out[i] = digit && seen + 4 <= digits ? '*' : phone[i];
        }
        out[len] = '\0';
}

/* ---------------------------------------------------------------- GB 11643-1999 ID numbers */

/* 17 digits and a check character that is a digit, 'X' or (when lower_x) 'x'. */
static bool idcard_shape(const char *s, bool lower_x)
{
        if (!s || !has_len(s, 18))
                return false;
        for (int i = 0; i < 17; i++)
                if (!is_digit(s[i]))
                        return false;
        return is_digit(s[17]) || s[17] == 'X' || (lower_x && s[17] == 'x');
}

/* Province-level codes of GB/T 2260, plus 83 for Taiwan residents' residence permits. */
static bool idcard_province(int code)
{
        return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
               (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
               (code >= 50 && code <= 54) || (code >= 61 && code <= 65) || code == 71 ||
               code == 81 || code == 82 || code == 83;
}

static bool real_date(int y, int m, int d)
{
        static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

        if (y < 1 || m < 1 || m > 12 || d < 1)
                return false;
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

/* Characters 7–14 as yyyymmdd if they are a real date, else 0; s[0..16] must be digits. */
static int idcard_birth_digits(const char *s)
{
        int v = 0;

        for (int i = 6; i < 14; i++)
                v = v * 10 + (s[i] - '0');
        return real_date(v / 10000, v / 100 % 100, v % 100) ? v : 0;
}

char ident_idcard_check_char(const char *first17)
{
        static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;

        if (!first17)
                return '\0';
        for (int i = 0; i < 17; i++) {
                if (!is_digit(first17[i]))
                        return '\0';
                sum += (first17[i] - '0') * weights[i];
        }
        return "10X98765432"[sum % 11];
}

bool ident_idcard_valid(const char *s, int today_yyyymmdd)
{
        if (!idcard_shape(s, false))
                return false;
        if (!idcard_province((s[0] - '0') * 10 + (s[1] - '0')))
                return false;
        int birth = idcard_birth_digits(s);
        if (birth < 19000101 || birth > today_yyyymmdd)
                return false;
        return ident_idcard_check_char(s) == s[17];
}

bool ident_idcard_normalize(const char *in, char out[19], int today_yyyymmdd)
{
        out[0] = '\0';
        if (!idcard_shape(in, true))
                return false;
        for (int i = 0; i < 18; i++)
                out[i] = in[i] == 'x' ? 'X' : in[i];
        out[18] = '\0';
        if (ident_idcard_valid(out, today_yyyymmdd))
                return true;
        out[0] = '\0';
        return false;
}

int ident_idcard_birth(const char *id)
{
        return idcard_shape(id, true) ? idcard_birth_digits(id) : 0;
}

int ident_idcard_sex(const char *id)
{
        if (!idcard_shape(id, true))
                return 0;
        return (id[16] - '0') % 2 == 1 ? 1 : 2;
}

void ident_idcard_mask(const char *id, char out[19])
{
        for (int i = 0; i < 18; i++)
                out[i] = '*';
        out[18] = '\0';
        if (!idcard_shape(id, true))
                return;
        for (int i = 0; i < 6; i++)
                out[i] = id[i];
        for (int i = 14; i < 18; i++)
                out[i] = id[i] == 'x' ? 'X' : id[i];
}

/* ---------------------------------------------------------------- GB 32100-2015 credit codes */

static const char credit_set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The character's value in the code set, or -1 (also for '\0' and lower case). */
static int credit_value(char c)
{
        for (int i = 0; i < 31; i++)
                if (credit_set[i] == c)
                        return i;
        return -1;
}

char ident_credit_code_check_char(const char *first17)
{
        static const int weights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                        29, 25, 13, 8,  24, 10, 30, 28};
        int sum = 0;

        if (!first17)
                return '\0';
        for (int i = 0; i < 17; i++) {
                int v = credit_value(first17[i]);
                if (v < 0)
                        return '\0';
                sum += v * weights[i];
        }
        return credit_set[(31 - sum % 31) % 31];
}

bool ident_credit_code_valid(const char *s)
{
        static const char authorities[] = "123456789ANY";

        if (!s || !has_len(s, 18))
                return false;
        bool authority = false;
        for (const char *a = authorities; *a; a++)
                if (*a == s[0])
                        authority = true;
        if (!authority || credit_value(s[1]) < 0)
                return false;
        for (int i = 2; i < 8; i++)
                if (!is_digit(s[i]))
                        return false;
        char check = ident_credit_code_check_char(s);
        return check != '\0' && check == s[17];
}

bool ident_credit_code_normalize(const char *in, char out[19])
{
        out[0] = '\0';
        if (!in || !has_len(in, 18))
                return false;
        for (int i = 0; i < 18; i++)
                out[i] = in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 'a' + 'A') : in[i];
        out[18] = '\0';
        if (ident_credit_code_valid(out))
                return true;
        out[0] = '\0';
        return false;
}
