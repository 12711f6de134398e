/* ident: validators and maskers for the identifiers CourseMart takes from people and agencies:
 * mainland China mobile numbers, GB 11643-1999 citizen ID numbers (公民身份号码) and GB 32100-2015
 * unified social credit codes (统一社会信用代码). Pure functions over caller-supplied buffers: no
 * I/O, no allocation, no global state, no locale, so they are safe anywhere, including before a
 * request is parsed and in the courier.
 *
 * It must never log, print, store or keep a copy of an identifier: phone and ID numbers are
 * personal data under PIPL. An ID number goes from here only to the encrypt-and-hash path
 * (AES-256-GCM at rest, a keyed hash for look-up) and to ident_idcard_mask; a phone number is shown
 * masked to everyone but its owner. Error messages say which field was wrong, never echo its value.
 *
 * Canonical forms. Each kind has exactly one canonical spelling: 11 digits for a mobile number, 17
 * digits plus [0-9X] for an ID number, 18 characters of the upper-case code set for a credit code.
 * The *_valid functions accept only the canonical spelling; the *_normalize functions accept what
 * people type (a "+86" prefix, group separators, a lower-case x) and write the canonical spelling.
 * Hash, store and compare only normalized values, so "…002x" and "…002X" can never become two
 * accounts. Every out buffer is always NUL-terminated; on failure it holds "" (normalize) or only
 * '*' characters (mask), never part of the input. All pointers except the input strings must be
 * non-NULL; a NULL input string is simply invalid. */
#ifndef CM_IDENT_H
#define CM_IDENT_H

#include <stdbool.h>

/* ---------------------------------------------------------------- mobile numbers */

/* True for a canonical mainland mobile number: exactly 11 ASCII digits, the first 1 and the second
 * 3–9 ("13812345678"). No prefix, no separators, no surrounding space. */
bool ident_mobile_valid(const char *s);

/* Accepts a mobile number as typed: an optional "+86" or "86" prefix, optionally followed by one
 * space or hyphen, then the digits with at most one space or hyphen between any two of them
 * ("+86 138-1234-5678", "8613812345678", "138 1234 5678"). Writes the 11 canonical digits to out
 * and returns true when the result is ident_mobile_valid; otherwise writes "" and returns false
 * (leading or trailing separators, doubled separators, other country codes, "0086", tabs, dots,
 * full-width digits are all refused: trimming is the caller's job). */
bool ident_mobile_normalize(const char *in, char out[12]);

/* "13812345678" → "138****5678": the first 3 and last 4 digits stay. Anything that is not
 * ident_mobile_valid becomes "***********" (11 stars), so a mask never leaks a malformed value. */
void ident_mobile_mask(const char *mobile, char out[12]);

/* Any contact phone number, mobile or landline, masked: a mobile number as ident_mobile_mask; a
 * number of up to 20 digits, '-', '+' and spaces ("0571-8765-4321") keeps its separators and last 4
 * digits, every other digit a star ("****-***4-4321"); "" stays ""; anything else becomes 11
 * stars. */
void ident_phone_mask(const char *phone, char out[21]);

/* ---------------------------------------------------------------- GB 11643-1999 ID numbers */

/* The check character (ISO 7064 MOD 11-2) for the first 17 characters of first17, which must be
 * digits (reading stops at the 17th, so a whole 18-character number may be passed): the weighted
 * sum with 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2, mod 11, indexes "10X98765432". Returns '\0' when
 * one of the first 17 characters is not a digit. */
char ident_idcard_check_char(const char *first17);

/* True for a canonical 18-character citizen ID number: 17 digits and a check character (a digit or
 * upper-case 'X') that matches ident_idcard_check_char; the first two digits of the address code a
 * province-level code of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 Taiwan, 81 Hong
 * Kong, 82 Macao) or 83 (residence permits of Taiwan residents, which use the same format); the
 * birth date (characters 7–14, yyyymmdd) a real Gregorian date from 1900-01-01 to today_yyyymmdd
 * inclusive. today_yyyymmdd is the current date in Asia/Shanghai, e.g. 20240615, passed in so tests
 * are deterministic; a today that is not a date after 1900 makes every number invalid. The old
 * 15-digit numbers (withdrawn in 2013) and foreigners' permanent residence cards (first digit 9)
 * are refused. A lower-case 'x' is refused here: see ident_idcard_normalize. */
bool ident_idcard_valid(const char *s, int today_yyyymmdd);

/* Accepts an ID number whose check character may be a lower-case 'x'; writes the canonical number
 * (upper-case 'X') to out and returns true when it is ident_idcard_valid for today_yyyymmdd;
 * otherwise writes "" and returns false. Nothing else is changed: no trimming, no separators. */
bool ident_idcard_normalize(const char *in, char out[19], int today_yyyymmdd);

/* The birth date of an ID number as yyyymmdd (11010519491231002X → 19491231), or 0 when id is not
 * 17 digits plus [0-9Xx] or its characters 7–14 are not a real calendar date. It checks neither the
 * check character nor the date range: call it on a number ident_idcard_valid accepted. */
int ident_idcard_birth(const char *id);

/* 1 (male) when the 17th digit (the last of the sequence code) is odd, 2 (female) when it is even,
 * the GB/T 2261.1 codes; 0 when id is not 17 digits plus [0-9Xx]. Like ident_idcard_birth it does
 * not check the number. */
int ident_idcard_sex(const char *id);

/* "11010519491231002X" → "110105********002X": the 6-digit address code and the last 4 characters
 * stay, the 8 birth-date digits become stars (a lower-case 'x' is shown upper-case). Anything that
 * is not 17 digits plus [0-9Xx] becomes 18 stars. It does not verify the check character, so a
 * stored number can be shown without knowing today's date. */
void ident_idcard_mask(const char *id, char out[19]);

/* ---------------------------------------------------------------- GB 32100-2015 credit codes */

/* The check character for the first 17 characters of first17, which must come from the code set
 * "0123456789ABCDEFGHJKLMNPQRTUWXY" (upper case; no I, O, Z, S, V): with the weights
 * 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (3^i mod 31), check = 31 - (sum mod 31), where 31
 * becomes 0, as an index into the code set. Returns '\0' when one of the 17 is not in the set. */
char ident_credit_code_check_char(const char *first17);

/* True for a canonical 18-character unified social credit code: every character from the code set;
 * the first (registration authority) one of the assigned codes 1 机构编制, 2 外交, 3 司法行政, 4
 * 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (market regulation), A 中央军委改革和编制办公室, N
 * 农业, Y 其他; the second (organisation category) any code-set character (the per-authority lists
 * keep growing, so this is deliberately lenient); characters 3–8 a 6-digit administrative division
 * code (digits only, not looked up); the last equal to ident_credit_code_check_char. The
 * organisation code in characters 9–17 is not checked against GB 11714: individual businesses'
 * codes do not follow it. Lower-case letters are refused here: see ident_credit_code_normalize. */
bool ident_credit_code_valid(const char *s);

/* Upper-cases ASCII letters, writes the result to out and returns true when it is
 * ident_credit_code_valid; otherwise writes "" and returns false. A lower-case i, o, z, s or v
 * stays forbidden; nothing is trimmed. */
bool ident_credit_code_normalize(const char *in, char out[19]);

#endif
