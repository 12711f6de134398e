/* markdown: the safe Markdown subset that agencies write course descriptions in, parsed with
 * libcmark (CommonMark) and rendered here, node by node, from an allow-list. md_render gives HTML
 * that a template may print unescaped (the one `uvar:` of a page, under a `*.Html` key: see
 * docs/ui.md); md_plain gives a plain-text summary for cards and meta descriptions.
 *
 * It must never pass through anything an agency typed as markup: no raw or inline HTML, no
 * attribute but the few listed below, no link whose URL is not http://, https:// or mailto:, no
 * text that is not escaped here. It never uses cmark's own HTML renderer (whose "safe" mode still
 * passes titles, classes and relative URLs). It keeps no state between calls, does no I/O and logs
 * nothing; an allocation failure aborts the worker, like buf.
 *
 * What md_render emits, and nothing else:
 *   paragraph           <p>…</p> (not inside the items of a tight list, as CommonMark says)
 *   line break          <br> for a hard break and for a single newline too: agencies type in a
 *                       textarea, where a new line means a new line
 *   emphasis, strong    <em>…</em>, <strong>…</strong>
 *   heading             demoted by two levels, because the page owns <h1> and <h2>:
 *                       # → <h3>, ## → <h4>, ### → <h5>, #### and deeper → <h6>
 *   lists               <ul><li>…</li></ul>, <ol><li>…</li></ol>, <ol start="N"> when N ≠ 1
 *   block quote         <blockquote>…</blockquote>
 *   code                <code>…</code> inline, <pre><code>…</code></pre> for a block (the info
 *                       string is dropped)
 *   thematic break      <hr>
 *   link                <a href="URL" rel="nofollow ugc noopener">…</a>, with title="…" when the
 *                       link has one, only when the URL (after cmark has decoded entities and
 *                       backslash escapes) starts, in any case, with "http://" or "https://"
 *                       followed by a host character, or with "mailto:" followed by an address,
 *                       and holds no control character and no "javascript:" or "vbscript:"
 *                       anywhere (in any case). A link inside a link that became <a>
 *                       keeps only its text (anchors never nest). Any other link (javascript:,
 *                       data:, vbscript:, relative, "//host", "java&#x09;script:", " javascript:",
 *                       "%6Aavascript:", …) is dropped and its text kept.
 *   raw HTML            an HTML block becomes <p>escaped source</p> (lines split by <br>); inline
 * HTML is escaped text image               its alt text, as plain escaped text (the cover image is
 * uploaded apart) Every text is escaped: & < > " ' become &amp; &lt; &gt; &quot; &#39;, and control
 * characters other than tab and newline are dropped. In href, characters outside printable ASCII
 * and " < > \ ^ ` { | } and space are percent-encoded (UTF-8 bytes), & is &amp; and ' is &#39;, so
 * a URL can never end its attribute.
 *
 * Refusals (return -1): text longer than MD_MAX_BYTES bytes, text that is not strict UTF-8 or holds
 * a NUL byte, and nesting deeper than MD_MAX_DEPTH. A handler turns -1 into a message on the form
 * ("too long", "not valid text", "nested too deeply"): md_check says which. */
#ifndef CM_MARKDOWN_H
#define CM_MARKDOWN_H

#include <stddef.h>

struct buf;

/* The longest description accepted, in bytes (not characters: 20000 bytes is about 6600 Chinese
 * characters). */
#define MD_MAX_BYTES 20000

/* The deepest nesting accepted: the number of elements with content (block quotes, lists, list
 * items, paragraphs, headings, emphasis, strong, links, images) around any point of the text.
 * Sixteen "> " quote markers and a paragraph are 17 and refused; fifteen are accepted. */
#define MD_MAX_DEPTH 16

enum md_status {
        MD_OK = 0,
        MD_TOO_LONG, /* more than MD_MAX_BYTES */
        MD_BAD_UTF8, /* not strict UTF-8, or a NUL byte */
        MD_TOO_DEEP, /* nesting deeper than MD_MAX_DEPTH */
};

/* Why md_render and md_plain would refuse text[0..len), or MD_OK when they accept it. text may be
 * NULL only when len is 0. */
enum md_status md_check(const char *text, size_t len);

/* Renders text[0..len) to safe HTML appended to out (see the table above). Returns 0, or -1 when
 * the text is refused (md_check tells why); then out is left exactly as it was. Empty text gives
 * empty output. */
int md_render(const char *text, size_t len, struct buf *out);

/* A plain-text summary of text[0..len) appended to out: the words of the rendered text without any
 * markup (link targets, code fences and heading markers gone; images give their alt text; raw HTML
 * its source as text), every run of whitespace (including line and block boundaries and U+3000)
 * collapsed to one space, control characters dropped, no leading or trailing space. When that is
 * longer than max_chars characters (code points) it is cut at a character boundary, trailing space
 * removed, and "…" (U+2026) appended, so the result never exceeds max_chars characters, "…"
 * included (max_chars 0 gives ""). The output is plain text, NOT HTML: print it with var:, which
 * escapes it. Returns 0, or -1 when md_check refuses the text (out unchanged). */
int md_plain(const char *text, size_t len, size_t max_chars, struct buf *out);

#endif
