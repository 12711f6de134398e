/* test_ident.c: unit tests for cgi-bin/core/ident.c: mainland mobile numbers (valid, normalize from
 * what people type, mask), GB 11643-1999 ID numbers (the standard's published examples and numbers
 * computed here, every single-character substitution and adjacent transposition refused, lengths,
 * letters, province codes, impossible and out-of-range birth dates, birth date, sex, mask,
 * lower-case x) and GB 32100-2015 unified social credit codes (the standard's sample and computed
 * codes, every single-character substitution and transposition refused, the forbidden letters
 * I O Z S V, authority codes, division-code digits, lower case). Check characters for the
 * constructed cases come from reference implementations written here in the other textbook form
 * (ISO 7064 iterative for MOD 11-2, running powers of 3 for MOD 31), not from ident.c. Every check
 * compares exact values; the numbers are test data, not anyone's. The date is fixed: TODAY. */
#include <stdio.h>
#include <string.h>

#include "ident.h"
#include "tap.h"

#define TODAY 20240615

/* ---------------------------------------------------------------- reference check characters */

/* ISO 7064 MOD 11-2 in its iterative form: p = (p + digit) * 2 mod 11, check (12 - p) mod 11. */
static char ref_id_check(const char *first17)
{
        int p = 0;

        for (int i = 0; i < 17; i++)
                p = (p + (first17[i] - '0')) * 2 % 11;
        return "0123456789X"[(12 - p) % 11];
}

/* first17 followed by its check character. */
static const char *ref_id(const char *first17)
{
        static char out[19];

        memcpy(out, first17, 17);
        out[17] = ref_id_check(first17);
        out[18] = '\0';
        return out;
}

static const char CODESET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* GB 32100: the weights are 3^i mod 31; check = (31 - sum mod 31) mod 31. */
static char ref_credit_check(const char *first17)
{
        int sum = 0, w = 1;

        for (int i = 0; i < 17; i++) {
                sum += (int)(strchr(CODESET, first17[i]) - CODESET) * w;
                w = w * 3 % 31;
        }
        return CODESET[(31 - sum % 31) % 31];
}

static const char *ref_credit(const char *first17)
{
        static char out[19];

        memcpy(out, first17, 17);
        out[17] = ref_credit_check(first17);
        out[18] = '\0';
        return out;
}

/* ---------------------------------------------------------------- mobile numbers */

static void test_mobile_valid(void)
{
        static const char *const good[] = {"13812345678", "13000000000", "14512345678",
                                           "15912345678", "16612345678", "17012345678",
                                           "18812345678", "19912345678"};
        static const char *const bad[] = {
            "",
            "1381234567",
            "138123456789",
            "12812345678",
            "11012345678",
            "10012345678",
            "23812345678",
            "03812345678",
            "1381234567a",
            "138 1234 5678",
            "138-1234-5678",
            "+8613812345678",
            "8613812345678",
            " 13812345678",
            "13812345678 ",
            "\357\274\2213812345678", /* full-width 1 */
        };

        for (size_t i = 0; i < sizeof good / sizeof *good; i++)
                ok(ident_mobile_valid(good[i]), "mobile %s is valid", good[i]);
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
                ok(!ident_mobile_valid(bad[i]), "mobile '%s' is refused", bad[i]);
        ok(!ident_mobile_valid(NULL), "a NULL mobile is refused");
}

static void test_mobile_normalize(void)
{
        static const struct {
                const char *in, *want; /* want NULL: refused */
        } cases[] = {
            {"13812345678", "13812345678"},
            {"+8613812345678", "13812345678"},
            {"8613812345678", "13812345678"},
            {"+86 13812345678", "13812345678"},
            {"+86-13812345678", "13812345678"},
            {"86 13812345678", "13812345678"},
            {"+86 138 1234 5678", "13812345678"},
            {"+86-138-1234-5678", "13812345678"},
            {"138 1234 5678", "13812345678"},
            {"138-1234-5678", "13812345678"},
            {"1 3 8 1 2 3 4 5 6 7 8", "13812345678"},
            {"86-199-0000-1111", "19900001111"},
            {"", NULL},
            {"+86", NULL},
            {"86", NULL},
            {"+86 ", NULL},
            {"+86  13812345678", NULL},
            {"138  1234 5678", NULL},
            {"138--12345678", NULL},
            {"138 -1234 5678", NULL},
            {"-13812345678", NULL},
            {" 13812345678", NULL},
            {"13812345678-", NULL},
            {"13812345678 ", NULL},
            {"+86 12812345678", NULL},
            {"+85213812345678", NULL},
            {"+8513812345678", NULL},
            {"0086 13812345678", NULL},
            {"008613812345678", NULL},
            {"+ 8613812345678", NULL},
            {"+86+13812345678", NULL},
            {"86 86 13812345678", NULL},
            {"861381234567", NULL},
            {"1381234567", NULL},
            {"138123456789", NULL},
            {"13812345678123456789", NULL},
            {"138.1234.5678", NULL},
            {"138\t1234\t5678", NULL},
            {"(+86) 13812345678", NULL},
            {"138 1234 567a", NULL},
        };

        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
                char out[12];

                memset(out, 'Z', sizeof out);
                bool got = ident_mobile_normalize(cases[i].in, out);
                if (cases[i].want) {
                        ok(got, "normalize accepts '%s'", cases[i].in);
                        is_str(out, cases[i].want, name("  and writes %s", cases[i].want));
                } else {
                        ok(!got, "normalize refuses '%s'", cases[i].in);
                        is_str(out, "", "  and writes \"\"");
                }
        }
        {
                char out[12] = "Z";

                ok(!ident_mobile_normalize(NULL, out), "normalize refuses NULL");
                is_str(out, "", "  and writes \"\"");
        }
}

static void test_mobile_mask(void)
{
        char out[12];

        ident_mobile_mask("13812345678", out);
        is_str(out, "138****5678", "mask 13812345678");
        ident_mobile_mask("19900001111", out);
        is_str(out, "199****1111", "mask 19900001111");
        ident_mobile_mask("1381234567", out);
        is_str(out, "***********", "a 10-digit number masks to 11 stars");
        ident_mobile_mask("+8613812345678", out);
        is_str(out, "***********", "a non-canonical number masks to 11 stars");
        ident_mobile_mask("12812345678", out);
        is_str(out, "***********", "an invalid number masks to 11 stars");
        ident_mobile_mask(NULL, out);
        is_str(out, "***********", "NULL masks to 11 stars");
}

/* ---------------------------------------------------------------- GB 11643 ID numbers */

/* Valid for TODAY, with their birth dates and sexes. */
static const struct {
        const char *id;
        int birth, sex;
        const char *mask, *what;
} ids[] = {
    {"11010519491231002X", 19491231, 2, "110105********002X", "GB 11643 published example"},
    {"110105198001010016", 19800101, 1, "110105********0016", "Beijing, computed"},
    {"310115200002290021", 20000229, 2, "310115********0021", "born 2000-02-29 (leap)"},
    {"440306199901011231", 19990101, 1, "440306********1231", "Shenzhen, computed"},
    {"650102202406150012", 20240615, 1, "650102********0012", "born today"},
    {"810000195505050024", 19550505, 2, "810000********0024", "Hong Kong residence permit"},
    {"83000020010910004X", 20010910, 2, "830000********004X", "Taiwan residence permit"},
    {"540102190001010053", 19000101, 1, "540102********0053", "born 1900-01-01, the floor"},
    {"110101199912311230", 19991231, 1, "110101********1230", "sequence 123"},
    {"320102201006010060", 20100601, 2, "320102********0060", "check character 0"},
    {"46000419850702005X", 19850702, 1, "460004********005X", "check character X"},
};

static void test_idcard_check_char(void)
{
        is_int(ident_idcard_check_char("11010519491231002"), 'X',
               "check character of 11010519491231002 is X (GB 11643 example)");
        is_int(ident_idcard_check_char("44052418800101001"), '4',
               "check character of 44052418800101001 is 4 (GB 11643 example)");
        is_int(ident_idcard_check_char("11010519491231002X"), 'X',
               "check_char reads only the first 17 characters");
        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
                is_int(ident_idcard_check_char(ids[i].id), ids[i].id[17],
                       name("check character of %.17s is %c", ids[i].id, ids[i].id[17]));
        is_int(ident_idcard_check_char("1101051949123100"), 0, "16 digits: no check character");
        is_int(ident_idcard_check_char("1101051949123100X"), 0, "a letter: no check character");
        is_int(ident_idcard_check_char(""), 0, "empty: no check character");
        is_int(ident_idcard_check_char(NULL), 0, "NULL: no check character");
}

static void test_idcard_valid(void)
{
        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
                ok(ident_idcard_valid(ids[i].id, TODAY), "%s is valid (%s)", ids[i].id,
                   ids[i].what);

        /* The standard's second example has the right check character but a birth year (1880)
         * below the 1900 floor that a living learner cannot have. */
        ok(!ident_idcard_valid("440524188001010014", TODAY),
           "440524188001010014 (GB 11643 example, born 1880) is below the 1900 floor");
        ok(!ident_idcard_valid("650102202406150012", 20240614),
           "born 2024-06-15 is refused when today is 2024-06-14");
        ok(ident_idcard_valid("650102202406150012", 20240616), "  and valid the day after");
        ok(!ident_idcard_valid("11010519491231002X", 0), "a today of 0 refuses everything");

        static const char *const bad[] = {
            "",
            "11010519491231002",             /* 17 */
            "11010519491231002X0",           /* 19 */
            "110105194912310",               /* 15: the old format */
            "110105491231002",               /* 15 */
            "11010519491231002x",            /* lower case: not canonical */
            "11010519491231002A",            /* letter as check character */
            "1101051949123100XX",            /* X before the end */
            "X10105194912310020",            /* X at the start */
            "11010519491231002 ",            /* space instead of a check character */
            " 11010519491231002X",           /* leading space */
            "11010519491231002X ",           /* trailing space */
            "110105 19491231 002X",          /* grouped */
            "11010519491231002\357\274\270", /* full-width X */
            "\357\274\2211010519491231002X", /* full-width 1 */
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
                ok(!ident_idcard_valid(bad[i], TODAY), "'%s' is refused", bad[i]);
        ok(!ident_idcard_valid(NULL, TODAY), "NULL is refused");
}

/* Every single-character substitution (10 alternatives from 0-9X at each of 18 places) and every
 * adjacent transposition of two different characters is refused. */
static void test_idcard_corruptions(void)
{
        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
                const char *id = ids[i].id;
                char s[19];
                int tried = 0, accepted = 0;

                for (int pos = 0; pos < 18; pos++) {
                        for (const char *c = "0123456789X"; *c; c++) {
                                if (*c == id[pos])
                                        continue;
                                memcpy(s, id, sizeof s);
                                s[pos] = *c;
                                tried++;
                                if (ident_idcard_valid(s, TODAY)) {
                                        accepted++;
                                        printf("#   accepted %s\n", s);
                                }
                        }
                }
                is_int(tried, 180, name("%s: 180 single-character substitutions tried", id));
                is_int(accepted, 0, name("%s: every one of them refused", id));

                tried = accepted = 0;
                for (int pos = 0; pos < 17; pos++) {
                        if (id[pos] == id[pos + 1])
                                continue;
                        memcpy(s, id, sizeof s);
                        s[pos] = id[pos + 1];
                        s[pos + 1] = id[pos];
                        tried++;
                        if (ident_idcard_valid(s, TODAY)) {
                                accepted++;
                                printf("#   accepted %s\n", s);
                        }
                }
                ok(tried > 0, "%s: %d adjacent transpositions tried", id, tried);
                is_int(accepted, 0, name("%s: every transposition refused", id));
        }
}

/* Numbers with a correct check character that fail only on the address code or the birth date. */
static void test_idcard_fields(void)
{
        /* Every two-digit province prefix, each with a correct check character. */
        char accepted[200] = "";
        for (int pp = 0; pp < 100; pp++) {
                char first17[18];

                snprintf(first17, sizeof first17, "%02d010519800101001", pp);
                if (ident_idcard_valid(ref_id(first17), TODAY))
                        snprintf(accepted + strlen(accepted), sizeof accepted - strlen(accepted),
                                 "%s%02d", accepted[0] ? " " : "", pp);
        }
        is_str(accepted,
               "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
               "61 62 63 64 65 71 81 82 83",
               "exactly the province-level codes (and 83) are accepted as the first two digits");

        static const struct {
                const char *first17, *why;
        } dates[] = {
            {"11010519990230001", "1999-02-30"},
            {"11010519990431001", "1999-04-31"},
            {"11010519990631001", "1999-06-31"},
            {"11010519991301001", "month 13"},
            {"11010519990001001", "month 00"},
            {"11010519990100001", "day 00"},
            {"11010519990132001", "day 32"},
            {"11010519000229001", "1900-02-29 (1900 is not a leap year)"},
            {"11010520230229001", "2023-02-29"},
            {"11010521000229001", "2100-02-29"},
            {"11010518991231001", "1899-12-31, before the floor"},
            {"11010500000101001", "year 0000"},
            {"11010520240616001", "2024-06-16, tomorrow"},
            {"11010520250101001", "2025-01-01, the future"},
            {"11010599991231001", "9999-12-31"},
        };
        for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
                const char *id = ref_id(dates[i].first17);

                is_int(ident_idcard_check_char(id), id[17],
                       name("%s has a correct check character", id));
                ok(!ident_idcard_valid(id, TODAY), "but is refused: %s", dates[i].why);
        }

        static const struct {
                const char *first17, *why;
        } good[] = {
            {"11010520000229001", "2000-02-29 (2000 is a leap year)"},
            {"11010520240229001", "2024-02-29"},
            {"11010519960229001", "1996-02-29"},
            {"11010519991231001", "1999-12-31"},
            {"11010519990131001", "1999-01-31"},
            {"11010519990430001", "1999-04-30"},
        };
        for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
                const char *id = ref_id(good[i].first17);

                ok(ident_idcard_valid(id, TODAY), "%s is valid: %s", id, good[i].why);
        }
}

static void test_idcard_normalize(void)
{
        char out[19];

        memset(out, 'Z', sizeof out);
        ok(ident_idcard_normalize("11010519491231002x", out, TODAY), "normalize accepts ...002x");
        is_str(out, "11010519491231002X", "  and upper-cases the x");
        ok(ident_idcard_normalize("11010519491231002X", out, TODAY), "normalize accepts ...002X");
        is_str(out, "11010519491231002X", "  unchanged");
        ok(ident_idcard_normalize("110105198001010016", out, TODAY), "normalize accepts digits");
        is_str(out, "110105198001010016", "  unchanged");
        ok(ident_idcard_valid("11010519491231002X", TODAY), "the normalized form is valid");

        static const char *const bad[] = {
            "11010519491231003x", /* wrong check character */
            "110105198001010016x", "1101051949123100x",  " 11010519491231002x",
            "11010519491231002y",  "440524188001010014", "",
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                memset(out, 'Z', sizeof out);
                ok(!ident_idcard_normalize(bad[i], out, TODAY), "normalize refuses '%s'", bad[i]);
                is_str(out, "", "  and writes \"\"");
        }
        memset(out, 'Z', sizeof out);
        ok(!ident_idcard_normalize(NULL, out, TODAY), "normalize refuses NULL");
        is_str(out, "", "  and writes \"\"");
        memset(out, 'Z', sizeof out);
        ok(!ident_idcard_normalize("65010220240615001x", out, 20240614),
           "normalize checks the date against today");
        is_str(out, "", "  and writes \"\"");
}

static void test_idcard_birth_sex_mask(void)
{
        char out[19];

        for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
                is_int(ident_idcard_birth(ids[i].id), ids[i].birth,
                       name("birth of %s is %d", ids[i].id, ids[i].birth));
                is_int(ident_idcard_sex(ids[i].id), ids[i].sex,
                       name("sex of %s is %d", ids[i].id, ids[i].sex));
                memset(out, 'Z', sizeof out);
                ident_idcard_mask(ids[i].id, out);
                is_str(out, ids[i].mask, name("mask of %s", ids[i].id));
        }
        is_int(ident_idcard_birth("440524188001010014"), 18800101,
               "birth of the 1880 example (birth does not check the range)");
        is_int(ident_idcard_sex("440524188001010014"), 1, "the 1880 example is male");
        is_int(ident_idcard_birth("11010519491231002x"), 19491231, "birth accepts a lower-case x");
        is_int(ident_idcard_sex("11010519491231002x"), 2, "sex accepts a lower-case x");
        is_int(ident_idcard_birth("110105199902300011"), 0, "birth of 1999-02-30 is 0");
        is_int(ident_idcard_birth("11010519491231002"), 0, "birth of 17 characters is 0");
        is_int(ident_idcard_birth("1101051949123100XX"), 0, "birth of ...XX is 0");
        is_int(ident_idcard_birth(NULL), 0, "birth of NULL is 0");
        is_int(ident_idcard_sex("11010519491231002"), 0, "sex of 17 characters is 0");
        is_int(ident_idcard_sex("1101051949123100AX"), 0, "sex with a letter is 0");
        is_int(ident_idcard_sex(NULL), 0, "sex of NULL is 0");

        ident_idcard_mask("11010519491231002x", out);
        is_str(out, "110105********002X", "mask shows a lower-case x upper-case");
        ident_idcard_mask("11010519491231002", out);
        is_str(out, "******************", "17 characters mask to 18 stars");
        ident_idcard_mask("11010519491231002X0", out);
        is_str(out, "******************", "19 characters mask to 18 stars");
        ident_idcard_mask("11010519491A31002X", out);
        is_str(out, "******************", "a letter inside masks to 18 stars");
        ident_idcard_mask("", out);
        is_str(out, "******************", "empty masks to 18 stars");
        ident_idcard_mask(NULL, out);
        is_str(out, "******************", "NULL masks to 18 stars");
}

/* ---------------------------------------------------------------- GB 32100 credit codes */

static const struct {
        const char *code, *what;
} codes[] = {
    {"91350100M000100Y43", "GB 32100 sample"},
    {"91110000600037341L", "enterprise, computed"},
    {"91310115MA1K4ABCDD", "enterprise, letters in the body"},
    {"52440300MJL1234565", "民办非企业单位"},
    {"12100000400000624D", "事业单位"},
    {"Y11100001234567893", "authority Y"},
    {"N2320583MF0000000X", "authority N"},
    {"311100004000000002", "authority 3"},
    {"93440103MA59XYW01X", "农民专业合作社"},
    {"A1100000MB0000000E", "authority A"},
    {"81310000L000000000", "authority 8, check 0"},
    {"91440300MA5F0YUK10", "check 0 (sum mod 31 = 0)"},
    {"91440300MA5F0MUK1Y", "check Y"},
};

static void test_credit_check_char(void)
{
        is_int(ident_credit_code_check_char("91350100M000100Y4"), '3',
               "check character of 91350100M000100Y4 is 3 (GB 32100 sample)");
        for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
                is_int(ident_credit_code_check_char(codes[i].code), codes[i].code[17],
                       name("check character of %.17s is %c", codes[i].code, codes[i].code[17]));
        is_int(ident_credit_code_check_char("91350100M000100Y"), 0, "16: no check character");
        is_int(ident_credit_code_check_char("91350100M000100I4"), 0, "I: no check character");
        is_int(ident_credit_code_check_char("91350100m000100Y4"), 0, "m: no check character");
        is_int(ident_credit_code_check_char(NULL), 0, "NULL: no check character");
}

static void test_credit_valid(void)
{
        for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
                ok(ident_credit_code_valid(codes[i].code), "%s is valid (%s)", codes[i].code,
                   codes[i].what);

        static const char *const bad[] = {
            "",
            "91350100M000100Y4",   /* 17 */
            "91350100M000100Y430", /* 19 */
            "91350100M000100Y44",  /* wrong check */
            "91350100m000100y43",  /* lower case: not canonical */
            " 91350100M000100Y43",
            "91350100M000100Y43 ",
            "9135010 M000100Y43",
            "91350100-M000100Y4",
            "350100M000100Y43", /* missing the first two */
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
                ok(!ident_credit_code_valid(bad[i]), "'%s' is refused", bad[i]);
        ok(!ident_credit_code_valid(NULL), "NULL is refused");
}

/* Every single-character substitution from the code set (30 at each of 18 places), every adjacent
 * transposition, and each forbidden letter at each place is refused. */
static void test_credit_corruptions(void)
{
        for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
                const char *code = codes[i].code;
                char s[19];
                int tried = 0, accepted = 0;

                for (int pos = 0; pos < 18; pos++) {
                        for (const char *c = CODESET; *c; c++) {
                                if (*c == code[pos])
                                        continue;
                                memcpy(s, code, sizeof s);
                                s[pos] = *c;
                                tried++;
                                if (ident_credit_code_valid(s)) {
                                        accepted++;
                                        printf("#   accepted %s\n", s);
                                }
                        }
                }
                is_int(tried, 540, name("%s: 540 single-character substitutions tried", code));
                is_int(accepted, 0, name("%s: every one of them refused", code));

                tried = accepted = 0;
                for (int pos = 0; pos < 17; pos++) {
                        if (code[pos] == code[pos + 1])
                                continue;
                        memcpy(s, code, sizeof s);
                        s[pos] = code[pos + 1];
                        s[pos + 1] = code[pos];
                        tried++;
                        if (ident_credit_code_valid(s)) {
                                accepted++;
                                printf("#   accepted %s\n", s);
                        }
                }
                ok(tried > 0, "%s: %d adjacent transpositions tried", code, tried);
                is_int(accepted, 0, name("%s: every transposition refused", code));
        }

        /* I O Z S V anywhere, and the lower-case letters, with the rest of the sample intact. */
        int tried = 0, accepted = 0;
        for (int pos = 0; pos < 18; pos++) {
                for (const char *c = "IOZSVioszv"; *c; c++) {
                        char s[19];

                        memcpy(s, "91350100M000100Y43", sizeof s);
                        s[pos] = *c;
                        tried++;
                        if (ident_credit_code_valid(s)) {
                                accepted++;
                                printf("#   accepted %s\n", s);
                        }
                }
        }
        is_int(tried, 180, "180 forbidden-letter substitutions tried");
        is_int(accepted, 0, "every forbidden letter refused at every place");
}

/* Codes with a correct check character that fail only on the authority or the division code. */
static void test_credit_fields(void)
{
        char accepted[64] = "";
        for (const char *c = CODESET; *c; c++) {
                char first17[18];

                snprintf(first17, sizeof first17, "%c1350100M000100Y4", *c);
                if (ident_credit_code_valid(ref_credit(first17)))
                        snprintf(accepted + strlen(accepted), sizeof accepted - strlen(accepted),
                                 "%s%c", accepted[0] ? " " : "", *c);
        }
        is_str(accepted, "1 2 3 4 5 6 7 8 9 A N Y",
               "exactly the assigned registration authorities are accepted");

        int n = 0;
        for (const char *c = CODESET; *c; c++) {
                char first17[18];

                snprintf(first17, sizeof first17, "9%c350100M000100Y4", *c);
                n += ident_credit_code_valid(ref_credit(first17));
        }
        is_int(n, 31, "every code-set character is accepted as the organisation category");

        static const char *const divisions[] = {
            "91A50100M000100Y4", "9135010AM000100Y4", "913501Y0M000100Y4",
            "91M50100M000100Y4", "9135X100M000100Y4",
        };
        for (size_t i = 0; i < sizeof divisions / sizeof *divisions; i++) {
                const char *code = ref_credit(divisions[i]);

                is_int(ident_credit_code_check_char(code), code[17],
                       name("%s has a correct check character", code));
                ok(!ident_credit_code_valid(code), "but a letter in characters 3-8 is refused");
        }
}

static void test_credit_normalize(void)
{
        char out[19];

        memset(out, 'Z', sizeof out);
        ok(ident_credit_code_normalize("91350100m000100y43", out), "normalize accepts lower case");
        is_str(out, "91350100M000100Y43", "  and upper-cases it");
        ok(ident_credit_code_normalize("91350100M000100Y43", out), "normalize accepts upper case");
        is_str(out, "91350100M000100Y43", "  unchanged");
        ok(ident_credit_code_normalize("n2320583mf0000000x", out), "normalize accepts n2320583…");
        is_str(out, "N2320583MF0000000X", "  and upper-cases every letter");

        static const char *const bad[] = {
            "91350100m000100y44",
            "91350100m000100y4",
            "91350100m000100y430",
            "91350100m0001o0y43", /* o becomes the forbidden O */
            " 91350100m000100y43",
            "91350100\357\275\215000100y43", /* full-width m */
            "",
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                memset(out, 'Z', sizeof out);
                ok(!ident_credit_code_normalize(bad[i], out), "normalize refuses '%s'", bad[i]);
                is_str(out, "", "  and writes \"\"");
        }
        memset(out, 'Z', sizeof out);
        ok(!ident_credit_code_normalize(NULL, out), "normalize refuses NULL");
        is_str(out, "", "  and writes \"\"");
}

static void test_phone_mask(void)
{
        char out[21];
        ident_phone_mask("13812345678", out);
        is_str(out, "138****5678", "a mobile number is masked as by ident_mobile_mask");
        ident_phone_mask("0571-87654321", out);
        is_str(out, "****-****4321", "a landline keeps its separator and last 4 digits");
        ident_phone_mask("+86 21 6123 4567", out);
        is_str(out, "+** ** **** 4567", "spaces and + are kept");
        ident_phone_mask("1234", out);
        is_str(out, "1234", "four digits are the last four");
        ident_phone_mask("", out);
        is_str(out, "", "empty stays empty");
        ident_phone_mask(NULL, out);
        is_str(out, "", "NULL is empty");
        ident_phone_mask("call 0571-1234", out);
        is_str(out, "***********", "letters give 11 stars");
        ident_phone_mask("012345678901234567890", out);
        is_str(out, "***********", "more than 20 characters give 11 stars");
        ident_phone_mask("--", out);
        is_str(out, "***********", "no digit gives 11 stars");
}

int main(void)
{
        test_phone_mask();
        test_mobile_valid();
        test_mobile_normalize();
        test_mobile_mask();
        test_idcard_check_char();
        test_idcard_valid();
        test_idcard_corruptions();
        test_idcard_fields();
        test_idcard_normalize();
        test_idcard_birth_sex_mask();
        test_credit_check_char();
        test_credit_valid();
        test_credit_corruptions();
        test_credit_fields();
        test_credit_normalize();
        return done_testing();
}
