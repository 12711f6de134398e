/* test_markdown.c: unit tests for cgi-bin/core/markdown.c. md_render: every allowed construct gives
 * exactly the HTML markdown.h promises (paragraphs, breaks, emphasis, headings demoted to start at
 * <h3>, tight, loose, nested and numbered lists, block quotes, code, thematic breaks, links with
 * their rel, titles and escaped URLs, autolinks, reference links, images as alt text); hostile
 * input (script and img tags as blocks and inline, javascript: in every disguise: mixed case,
 * leading space, entities, a tab, percent-encoding, autolinks, reference definitions; data:,
 * vbscript:, relative and protocol-relative URLs; quotes in URLs and titles) comes out as text;
 * the limits (size, nesting, UTF-8) refuse with -1 and leave the buffer alone; Chinese text is kept
 * byte for byte. Every output is also run through the fuzz target's allow-list checker
 * (tests/fuzz/html_allow.h), which is itself shown to refuse bad HTML. md_plain: markup removed,
 * whitespace collapsed, cuts at character boundaries on CJK and four-byte characters. And the way
 * docs/ui.md tells templates to print them works in ClearSilver with html auto-escaping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "../fuzz/html_allow.h"
#include "buf.h"
#include "http.h"
#include "markdown.h"
#include "tap.h"

/* md_render(md) gives exactly want, and the allow-list checker accepts it. */
static void renders(const char *md, const char *want, const char *what)
{
        struct buf out;
        int rc;

        buf_init(&out);
        rc = md_render(md, strlen(md), &out);
        if (!is_int(rc, 0, name("%s: accepted", what)))
                return;
        is_str(out.len ? out.data : "", want, name("%s: html", what));
        const char *why = html_allow_check(out.len ? out.data : "", out.len);
        ok(why == NULL, "%s: passes the allow-list checker%s%s", what, why ? ": " : "",
           why ? why : "");
        buf_free(&out);
}

/* md_render(md) is refused with -1 for reason, out untouched. */
static void refused(const char *md, size_t len, enum md_status reason, const char *what)
{
        struct buf out;

        buf_init(&out);
        buf_puts(&out, "before");
        is_int(md_render(md, len, &out), -1, name("%s: md_render refuses", what));
        is_str(out.data, "before", name("%s: md_render leaves the buffer alone", what));
        is_int(md_plain(md, len, 10, &out), -1, name("%s: md_plain refuses", what));
        is_str(out.data, "before", name("%s: md_plain leaves the buffer alone", what));
        is_int(md_check(md, len), reason, name("%s: md_check says why", what));
        buf_free(&out);
}

static void plain(const char *md, size_t max, const char *want, const char *what)
{
        struct buf out;

        buf_init(&out);
        buf_puts(&out, "X:");
        is_int(md_plain(md, strlen(md), max, &out), 0, name("%s: accepted", what));
        ok(strncmp(out.data, "X:", 2) == 0, "%s: appends", what);
        is_str(out.data + 2, want, name("%s: plain text", what));
        buf_free(&out);
}

/* ------------------------------------------------------------------ the allowed constructs */

static void test_constructs(void)
{
        renders("", "", "empty text");
        renders("Hello", "<p>Hello</p>\n", "a paragraph");
        renders("one\n\ntwo", "<p>one</p>\n<p>two</p>\n", "two paragraphs");
        renders("a\nb", "<p>a<br>\nb</p>\n", "a single newline is a line break");
        renders("a  \nb", "<p>a<br>\nb</p>\n", "two trailing spaces: a hard break");
        renders("a\\\nb", "<p>a<br>\nb</p>\n", "a backslash break");
        renders("*em* **strong** _e_ __s__ ***both***",
                "<p><em>em</em> <strong>strong</strong> <em>e</em> <strong>s</strong> "
                "<em><strong>both</strong></em></p>\n",
                "emphasis and strong");
        renders("# H1\n## H2\n### H3\n#### H4\n##### H5\n###### H6",
                "<h3>H1</h3>\n<h4>H2</h4>\n<h5>H3</h5>\n<h6>H4</h6>\n<h6>H5</h6>\n<h6>H6</h6>\n",
                "ATX headings start at <h3>");
        renders("Title\n=====\n\nSub\n---", "<h3>Title</h3>\n<h4>Sub</h4>\n",
                "setext headings start at <h3>");
        renders("- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", "a tight bulleted list");
        renders("* a\n\n* b", "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>\n",
                "a loose list keeps its paragraphs");
        renders("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n", "a numbered list");
        renders("3) a\n4) b", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n",
                "a numbered list from 3");
        renders("0. a", "<ol start=\"0\">\n<li>a</li>\n</ol>\n", "a numbered list from 0");
        renders("- a\n  - b\n- c", "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>\n",
                "a nested list");
        renders("> quoted\n> more", "<blockquote>\n<p>quoted<br>\nmore</p>\n</blockquote>\n",
                "a block quote");
        renders("> a\n>\n> > b",
                "<blockquote>\n<p>a</p>\n<blockquote>\n<p>b</p>\n</blockquote>\n"
                "</blockquote>\n",
                "nested block quotes");
        renders("`a < b && c`", "<p><code>a &lt; b &amp;&amp; c</code></p>\n", "inline code");
        renders("```c\nif (a < b && \"c\") {}\n```",
                "<pre><code>if (a &lt; b &amp;&amp; &quot;c&quot;) {}\n</code></pre>\n",
                "a fenced code block, its info string dropped");
        renders("    x<y\n    z", "<pre><code>x&lt;y\nz\n</code></pre>\n",
                "an indented code block");
        renders("```\n<script>alert(1)</script>\n```",
                "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n",
                "a script in a code block is text");
        renders("a\n\n---\n\nb\n\n***", "<p>a</p>\n<hr>\n<p>b</p>\n<hr>\n", "thematic breaks");
        renders(
            "[a](https://example.com/x?y=1&z=2)",
            "<p><a href=\"https://example.com/x?y=1&amp;z=2\" rel=\"nofollow ugc noopener\">a</a>"
            "</p>\n",
            "an https link, & escaped");
        renders("[a](http://example.com)",
                "<p><a href=\"http://example.com\" rel=\"nofollow ugc noopener\">a</a></p>\n",
                "an http link");
        renders("[a](HTTPS://EXAMPLE.COM)",
                "<p><a href=\"HTTPS://EXAMPLE.COM\" rel=\"nofollow ugc noopener\">a</a></p>\n",
                "an upper-case scheme is still https");
        renders(
            "[写信](mailto:info@example.com)",
            "<p><a href=\"mailto:info@example.com\" rel=\"nofollow ugc noopener\">写信</a></p>\n",
            "a mailto link");
        renders("<https://example.com/a>",
                "<p><a href=\"https://example.com/a\" rel=\"nofollow ugc noopener\">"
                "https://example.com/a</a></p>\n",
                "a URL autolink");
        renders("<info@example.com>",
                "<p><a href=\"mailto:info@example.com\" rel=\"nofollow ugc noopener\">"
                "info@example.com</a></p>\n",
                "an e-mail autolink");
        renders(
            "[a **b** `c`](https://e.example)",
            "<p><a href=\"https://e.example\" rel=\"nofollow ugc noopener\">a <strong>b</strong> "
            "<code>c</code></a></p>\n",
            "markup inside link text");
        renders("[x][r]\n\n[r]: https://e.example \"T\"",
                "<p><a href=\"https://e.example\" title=\"T\" rel=\"nofollow ugc noopener\">x</a>"
                "</p>\n",
                "a reference link with a title");
        renders("[a](<https://e.example/b c>)",
                "<p><a href=\"https://e.example/b%20c\" rel=\"nofollow ugc noopener\">a</a></p>\n",
                "a space in a URL is percent-encoded");
        renders(
            "[课程](https://例子.example/课程?q=手机)",
            "<p><a href=\"https://%E4%BE%8B%E5%AD%90.example/%E8%AF%BE%E7%A8%8B?q=%E6%89%8B%E6%9C"
            "%BA\" rel=\"nofollow ugc noopener\">课程</a></p>\n",
            "UTF-8 in a URL is percent-encoded");
        renders(
            "[a <https://x.example> b](https://y.example)",
            "<p><a href=\"https://y.example\" rel=\"nofollow ugc noopener\">a https://x.example "
            "b</a></p>\n",
            "an autolink inside a link stays text: anchors never nest");
        renders("![a *b* `c` <i>](https://e.example/i.png \"t\")", "<p>a b c &lt;i&gt;</p>\n",
                "an image becomes its alt text");
        renders("![a [l](https://q.example)](https://e.example/i.png)", "<p>a l</p>\n",
                "a link inside an image's alt text is text");
        renders("[![cover](i.png)](https://e.example)",
                "<p><a href=\"https://e.example\" rel=\"nofollow ugc noopener\">cover</a></p>\n",
                "an image inside a link: the link keeps the alt text");
        renders("&copy; &amp; &lt;b&gt; &#x4E2D; 1 < 2 > 0 \"q\" 'a'",
                "<p>© &amp; &lt;b&gt; 中 1 &lt; 2 &gt; 0 &quot;q&quot; &#39;a&#39;</p>\n",
                "entities decoded, then every text escaped");
        renders("a\x01"
                "b\x7f"
                "c\td",
                "<p>ab"
                "c\td</p>\n",
                "control characters but tab are dropped");
        renders(
            "## 课程简介\n\n本课程面向**老年人**，讲授智能手机的使用。\n\n- 第一课：开机\n- "
            "第二课：微信",
            "<h4>课程简介</h4>\n<p>本课程面向<strong>老年人</strong>，讲授智能手机的使用。</p>\n"
            "<ul>\n<li>第一课：开机</li>\n<li>第二课：微信</li>\n</ul>\n",
            "Chinese text kept intact");
        renders("　　首行缩进的段落。", "<p>　　首行缩进的段落。</p>\n",
                "ideographic spaces at the start of a paragraph are kept");
        renders("😀 𠀀 é", "<p>😀 𠀀 é</p>\n", "four-byte and accented characters are kept");
}

/* ------------------------------------------------------------------ hostile input */

static void test_hostile(void)
{
        renders("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
                "a script block is text");
        renders("a <script>alert(1)</script> b",
                "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n", "an inline script is text");
        renders("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n",
                "an img block is text");
        renders("x <img src=x onerror=alert(1)> y",
                "<p>x &lt;img src=x onerror=alert(1)&gt; y</p>\n", "an inline img is text");
        renders("<div onclick=\"x\">\n*y*\n</div>",
                "<p>&lt;div onclick=&quot;x&quot;&gt;<br>\n*y*<br>\n&lt;/div&gt;</p>\n",
                "an HTML block is text, line by line, its Markdown not interpreted");
        renders("<!-- c --> <![CDATA[x]]>", "<p>&lt;!-- c --&gt; &lt;![CDATA[x]]&gt;</p>\n",
                "comments and CDATA are text");
        renders("a <span onclick=\"x\">b</span>",
                "<p>a &lt;span onclick=&quot;x&quot;&gt;b&lt;/span&gt;</p>\n",
                "inline HTML with an event handler is text");

        static const struct {
                const char *md, *what;
        } dropped[] = {
            {"[x](javascript:alert(1))", "javascript:"},
            {"[x](JaVaScRiPt:alert(1))", "mixed-case javascript:"},
            {"[x]( javascript:alert(1))", "javascript: after a space"},
            {"[x](<  javascript:alert(1)>)", "javascript: after spaces in <>"},
            {"[x](java&#x09;script:alert(1))", "javascript: split by a tab entity"},
            {"[x](java&#10;script:alert(1))", "javascript: split by a newline entity"},
            {"[x](&#106;avascript:alert(1))", "javascript: with a decimal entity"},
            {"[x](&#x6A;avascript:alert(1))", "javascript: with a hex entity"},
            {"[x](javascript&colon;alert(1))", "javascript&colon;"},
            {"[x](\\javascript:alert(1))", "javascript: after a backslash"},
            {"[x](%6Aavascript:alert(1))", "percent-encoded javascript:"},
            {"[x](javascript%3Aalert(1))", "javascript with a percent-encoded colon"},
            {"[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"},
            {"[x](DATA:text/html,x)", "upper-case data:"},
            {"[x](vbscript:msgbox(1))", "vbscript:"},
            {"[x](file:///etc/passwd)", "file:"},
            {"[x](ftp://e.example)", "ftp:"},
            {"[x](//evil.example)", "protocol-relative //host"},
            {"[x](\\\\evil.example)", "backslashes for //host"},
            {"[x](/path)", "a relative path"},
            {"[x](page.html)", "a relative file"},
            {"[x](#top)", "a fragment"},
            {"[x](?q=1)", "a query"},
            {"[x](http:evil.example)", "http: without //"},
            {"[x](https:/evil.example)", "https: with one slash"},
            {"[x](https:///evil.example)", "https: with three slashes"},
            {"[x](https:\\\\\\\\evil.example)", "https: with backslashes"},
            {"[x](http://)", "http:// alone"},
            {"[x](mailto:)", "mailto: alone"},
            {"[x](mail:info@e.example)", "mail: is not mailto:"},
            {"[x](https.evil:x)", "a scheme that starts like https"},
            {"[x](httpx://e.example)", "httpx:"},
            {"[x](https://e.example/a&#x09;b)", "a tab inside an https URL"},
            {"[x](https://e.example/?next=javascript:alert(1))", "javascript: inside an https URL"},
            {"[x](https://javascript:alert(1)@e.example)", "javascript: as https user info"},
            {"[x][r]\n\n[r]: javascript:alert(1)", "a reference link to javascript:"},
            {"[x]\n\n[x]: JAVASCRIPT:alert(1) \"t\"", "a shortcut reference to JAVASCRIPT:"},
            {"[x][]\n\n[x]: <javascript:alert(1)>", "a collapsed reference to <javascript:>"},
            {"![x](javascript:alert(1))", "an image of javascript:"},
        };
        for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
                renders(dropped[i].md, "<p>x</p>\n",
                        name("link dropped, text kept: %s", dropped[i].what));

        renders("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n",
                "an autolink to javascript: is text (escaped, harmless)");
        renders("<JavaScript:alert(1)>", "<p>JavaScript:alert(1)</p>\n",
                "a mixed-case autolink to javascript: is text");
        renders("<data:text/html,x>", "<p>data:text/html,x</p>\n", "an autolink to data: is text");
        renders("[**b**](javascript:x)", "<p><strong>b</strong></p>\n",
                "a dropped link keeps its markup");
        renders("[a](https://e.example/\"onmouseover=\"alert(1))",
                "<p><a href=\"https://e.example/%22onmouseover=%22alert(1)\" "
                "rel=\"nofollow ugc noopener\">a</a></p>\n",
                "a \" in a URL cannot end the attribute");
        renders("[a](https://e.example/'onmouseover='alert(1))",
                "<p><a href=\"https://e.example/&#39;onmouseover=&#39;alert(1)\" "
                "rel=\"nofollow ugc noopener\">a</a></p>\n",
                "a ' in a URL is escaped");
        renders(
            "[a](https://e.example/<b>)",
            "<p><a href=\"https://e.example/%3Cb%3E\" rel=\"nofollow ugc noopener\">a</a></p>\n",
            "< and > in a URL are percent-encoded");
        renders("[a](https://e.example \"x\\\" onmouseover=\\\"alert(1)\")",
                "<p><a href=\"https://e.example\" title=\"x&quot; onmouseover=&quot;alert(1)\" "
                "rel=\"nofollow ugc noopener\">a</a></p>\n",
                "a \" in a title cannot end the attribute");
        renders("[a](https://e.example 'it''s')",
                "<p>[a](https://e.example &#39;it&#39;&#39;s&#39;)</p>\n",
                "a malformed title makes no link at all");
        renders("[a](https://e.example (it's <b>))",
                "<p><a href=\"https://e.example\" title=\"it&#39;s &lt;b&gt;\" "
                "rel=\"nofollow ugc noopener\">a</a></p>\n",
                "' < > in a title are escaped");
}

/* ------------------------------------------------------------------ limits */

static void test_limits(void)
{
        char *big = malloc(MD_MAX_BYTES + 2);
        char deep[1024];
        size_t n = 0;
        struct buf out;

        memset(big, 'a', MD_MAX_BYTES + 1);
        big[MD_MAX_BYTES + 1] = '\0';
        buf_init(&out);
        is_int(md_render(big, MD_MAX_BYTES, &out), 0, "exactly MD_MAX_BYTES bytes are accepted");
        is_int((long long)out.len, MD_MAX_BYTES + 8, "and rendered as one paragraph");
        buf_free(&out);
        refused(big, MD_MAX_BYTES + 1, MD_TOO_LONG, "one byte over MD_MAX_BYTES");
        free(big);

        /* 15 quotes + a paragraph = 16 levels: accepted; 16 + 1: refused */
        for (int i = 0; i < 15; i++)
                n += (size_t)snprintf(deep + n, sizeof deep - n, "> ");
        snprintf(deep + n, sizeof deep - n, "x");
        is_int(md_check(deep, strlen(deep)), MD_OK, "15 block quotes and a paragraph: accepted");
        buf_init(&out);
        md_render(deep, strlen(deep), &out);
        ok(out.len > 0 && html_allow_check(out.data, out.len) == NULL,
           "16 levels render and check");
        buf_free(&out);
        memmove(deep + 2, deep, strlen(deep) + 1);
        memcpy(deep, "> ", 2);
        refused(deep, strlen(deep), MD_TOO_DEEP, "16 block quotes and a paragraph");

        /* lists: list + item per level */
        snprintf(deep, sizeof deep, "- - - - - - - - a");
        refused(deep, strlen(deep), MD_TOO_DEEP, "eight nested lists (17 levels)");
        snprintf(deep, sizeof deep, "- - - - - - - a");
        is_int(md_check(deep, strlen(deep)), MD_OK, "seven nested lists (15 levels): accepted");

        /* inline nesting counts too */
        n = 0;
        for (int i = 0; i < 17; i++)
                deep[n++] = '[';
        deep[n++] = 'x';
        for (int i = 0; i < 17; i++)
                n += (size_t)snprintf(deep + n, sizeof deep - n, "](https://e.example)");
        ok(n < sizeof deep - 1, "the nested-link case fits");
        /* links cannot nest, so brackets alone stay shallow: accepted */
        is_int(md_check(deep, n), MD_OK, "17 bracket pairs (links cannot nest): accepted");
        /* 2k + 1 stars around a word: k strong and one em inside a paragraph, k + 2 levels */
        n = 0;
        for (int i = 0; i < 29; i++)
                deep[n++] = '*';
        deep[n++] = 'a';
        for (int i = 0; i < 29; i++)
                deep[n++] = '*';
        deep[n] = '\0';
        is_int(md_check(deep, n), MD_OK, "29 stars around a word (16 levels): accepted");
        memmove(deep + 2, deep, n + 1);
        memcpy(deep, "**", 2);
        n += 2;
        memcpy(deep + n, "**", 3);
        n += 2;
        refused(deep, n, MD_TOO_DEEP, "31 stars around a word (17 levels) nest emphasis too deep");

        big = malloc(MD_MAX_BYTES);
        for (n = 0; n + 2 <= MD_MAX_BYTES; n += 2)
                memcpy(big + n, "> ", 2);
        refused(big, n, MD_TOO_DEEP, "10000 block quotes are refused quickly");
        free(big);

        refused("\xff", 1, MD_BAD_UTF8, "a byte that is never UTF-8");
        refused("ab\xc0\xaf", 4, MD_BAD_UTF8, "an overlong /");
        refused("\xed\xa0\x80", 3, MD_BAD_UTF8, "a UTF-16 surrogate");
        refused("中\xe6\x96", 5, MD_BAD_UTF8, "a truncated character");
        refused("\xf4\x90\x80\x80", 4, MD_BAD_UTF8, "above U+10FFFF");
        refused("a\0b", 3, MD_BAD_UTF8, "a NUL byte");
        refused("<a href=\"\xe0\x80\xbc\">", 14, MD_BAD_UTF8, "an overlong < inside HTML");

        buf_init(&out);
        is_int(md_render(NULL, 0, &out), 0, "NULL with length 0 is empty text");
        is_int((long long)out.len, 0, "and renders nothing");
        is_int(md_plain(NULL, 0, 5, &out), 0, "md_plain of NULL, 0");
        is_int((long long)out.len, 0, "is empty");
        buf_free(&out);
        is_int(md_check("ok", 2), MD_OK, "md_check accepts plain text");
}

/* ------------------------------------------------------------------ md_plain */

static void test_plain(void)
{
        static const char ten[] = "一二三四五六七八九十";
        struct buf out;

        plain("# 标题\n\n第一段*强调*。\n\n- 一\n- 二\n\n> 引用", 100,
              "标题 第一段强调。 一 二 引用", "markup and blocks removed");
        plain("[链接](https://e.example) and `code` and ![图](i.png)", 100, "链接 and code and 图",
              "link targets gone, code and alt text kept");
        plain("a   b\n\n\nc\t d　　e\xc2\xa0"
              "f",
              100, "a b c d e f", "whitespace, U+3000 and U+00A0 collapsed");
        plain("  lead\n\ntrail  ", 100, "lead trail", "no leading or trailing space");
        plain("<b>x</b> & y", 100, "<b>x</b> & y", "raw HTML is plain text, not escaped here");
        plain("```\ncode  block\n```\n\n---\n\nafter", 100, "code block after",
              "code block text and a thematic break");
        plain("a\x01"
              "b",
              100, "ab", "control characters dropped");
        plain(ten, 10, ten, "10 characters fit in 10");
        plain(ten, 11, ten, "and in 11");
        plain(ten, 9, "一二三四五六七八…", "cut to 9 characters, … included");
        plain(ten, 5, "一二三四…", "cut to 5 at a character boundary");
        plain(ten, 2, "一…", "cut to 2");
        plain(ten, 1, "…", "cut to 1: only …");
        plain(ten, 0, "", "max 0: nothing");
        plain("ab cd", 4, "ab…", "no space before …");
        plain("😀😀😀", 2, "😀…", "four-byte characters cut whole");
        plain("**粗体**很长的一段话", 4, "粗体很…", "a cut after markup");

        /* every cut of a mixed string is valid UTF-8 within the limit */
        buf_init(&out);
        for (size_t max = 0; max <= 14; max++) {
                buf_clear(&out);
                md_plain("中文 text 😀 é 课程", strlen("中文 text 😀 é 课程"), max, &out);
                ok(http_utf8_valid(out.len ? out.data : "", out.len) &&
                       http_utf8_chars(out.len ? out.data : "", out.len) <= max,
                   "mixed text cut to %zu: valid UTF-8, at most %zu characters", max, max);
        }
        buf_free(&out);
}

/* ------------------------------------------------------------------ the checker can fail */

static void test_checker(void)
{
        static const struct {
                const char *html, *what;
        } bad[] = {
            {"<script>x</script>", "a script"},
            {"<SCRIPT>", "an upper-case script"},
            {"<p onclick=\"x\">a</p>", "an on* attribute"},
            {"<div>a</div>", "a tag off the list"},
            {"<img src=\"x\">", "an img"},
            {"<a href=\"javascript:alert(1)\" rel=\"nofollow ugc noopener\">a</a>", "javascript:"},
            {"<a href=\"https://x/?javascript:1\" rel=\"nofollow ugc noopener\">a</a>",
             "javascript: inside an https URL"},
            {"<a href=\"/x\" rel=\"nofollow ugc noopener\">a</a>", "a relative href"},
            {"<a href=\"//x\" rel=\"nofollow ugc noopener\">a</a>", "a protocol-relative href"},
            {"<a href=\"https://x\">a</a>", "an <a> without rel"},
            {"<a href=\"https://x\" rel=\"nofollow\">a</a>", "a wrong rel"},
            {"<a href=\"https://x\" rel=\"nofollow ugc noopener\" target=\"_blank\">a</a>",
             "target"},
            {"<a href='https://x'>a</a>", "single quotes"},
            {"<p>a</p", "an unclosed tag"},
            {"<p><em>a</p></em>", "crossed tags"},
            {"<p>a", "a tag left open"},
            {"</p>", "a stray closing tag"},
            {"<p>a < b</p>", "a raw <"},
            {"<p>a > b</p>", "a raw >"},
            {"<p>\"</p>", "a raw \""},
            {"<p>&#106;</p>", "a foreign entity"},
            {"<p>a\x01</p>", "a control character"},
            {"<a href=\"https://a\" rel=\"nofollow ugc noopener\"><a href=\"https://b\" "
             "rel=\"nofollow ugc noopener\">x</a></a>",
             "nested anchors"},
            {"<ol start=\"x\"><li>a</li></ol>", "a start that is not a number"},
            {"<h1>a</h1>", "an <h1>"},
            {"<P>a</P>", "upper-case tags"},
        };
        static const char good[] =
            "<h3>t</h3>\n<p><em>a</em> <strong>b</strong> &amp; &lt; &gt; &quot; &#39;<br>\n</p>\n"
            "<ol start=\"2\">\n<li><a href=\"https://x.example/a?b=1&amp;c\" title=\"t &quot;\" "
            "rel=\"nofollow ugc noopener\"><code>c</code></a></li>\n</ol>\n<hr>\n"
            "<blockquote>\n<pre><code>x</code></pre>\n</blockquote>\n";

        ok(html_allow_check(good, strlen(good)) == NULL, "the checker accepts the allowed set");
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
                ok(html_allow_check(bad[i].html, strlen(bad[i].html)) != NULL,
                   "the checker refuses %s", bad[i].what);
}

/* ------------------------------------------------------------------ printing it (docs/ui.md) */

static NEOERR *append_cs(void *ctx, char *s)
{
        buf_puts(ctx, s);
        return STATUS_OK;
}

/* With Config.VarEscapeMode = html, as view.c sets it: uvar: of a *.Html value prints md_render's
 * output as it is; var: of the same value would escape it once more (tags shown as text), and var:
 * of md_plain's output escapes what an agency typed. */
static void test_clearsilver(void)
{
        static const char md[] = "**粗** <b>x</b> [a](https://e.example/?a=1&b=2)";
        static const char tpl[] =
            "[<?cs uvar:P.D.Html ?>][<?cs var:P.D.Html ?>][<?cs var:P.D.Plain ?>]";
        struct buf html, text, out;
        HDF *hdf = NULL;
        CSPARSE *cs = NULL;
        NEOERR *err;
        char *copy = strdup(tpl);

        buf_init(&html);
        buf_init(&text);
        buf_init(&out);
        md_render(md, strlen(md), &html);
        md_plain(md, strlen(md), 100, &text);
        err = hdf_init(&hdf);
        if (!err)
                err = hdf_set_value(hdf, "Config.VarEscapeMode", "html");
        if (!err)
                err = hdf_set_value(hdf, "P.D.Html", html.data);
        if (!err)
                err = hdf_set_value(hdf, "P.D.Plain", text.data);
        if (!err)
                err = cs_init(&cs, hdf);
        if (!err) {
                err = cs_parse_string(cs, copy, strlen(copy));
                copy = NULL; /* cs owns it now */
        }
        if (!err)
                err = cs_render(cs, &out, append_cs);
        ok(err == STATUS_OK, "ClearSilver renders the snippet");
        nerr_ignore(&err);
        is_str(
            out.len ? out.data : "",
            "[<p><strong>粗</strong> &lt;b&gt;x&lt;/b&gt; <a "
            "href=\"https://e.example/?a=1&amp;b=2\" "
            "rel=\"nofollow ugc noopener\">a</a></p>\n]"
            "[&lt;p&gt;&lt;strong&gt;粗&lt;/strong&gt; &amp;lt;b&amp;gt;x&amp;lt;/b&amp;gt; &lt;a "
            "href=&quot;https://e.example/?a=1&amp;amp;b=2&quot; rel=&quot;nofollow ugc "
            "noopener&quot;&gt;a&lt;/a&gt;&lt;/p&gt;\n]"
            "[粗 &lt;b&gt;x&lt;/b&gt; a]",
            "uvar: prints md_render's HTML as it is, var: escapes it, md_plain goes with var:");
        free(copy);
        cs_destroy(&cs);
        hdf_destroy(&hdf);
        buf_free(&html);
        buf_free(&text);
        buf_free(&out);
}

int main(void)
{
        test_constructs();
        test_hostile();
        test_limits();
        test_plain();
        test_checker();
        test_clearsilver();
        return done_testing();
}
