/* test_qr.c: unit tests for cgi-bin/core/qr.c. The drawing is read back module by module and
 * compared with libqrencode's own matrix for the same text (so every dark module is drawn once,
 * in its place, inside a quiet zone of 4), for short and long otpauth:// addresses; empty and
 * over-long texts are refused; the data: URI decodes to the same SVG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <qrencode.h>

#include "buf.h"
#include "qr.h"
#include "tap.h"

/* Redraws the <path> of svg into a size × size matrix; -1 on anything unexpected. */
static int read_back(const char *svg, int *size, unsigned char **grid)
{
        int s1, s2;
        const char *vb = strstr(svg, "viewBox=\"0 0 ");
        if (!vb || sscanf(vb, "viewBox=\"0 0 %d %d\"", &s1, &s2) != 2 || s1 != s2)
                return -1;
        *size = s1;
        *grid = calloc((size_t)s1 * (size_t)s1, 1);
        const char *p = strstr(svg, "<path fill=\"#000\" d=\"");
        if (!p)
                return -1;
        p += strlen("<path fill=\"#000\" d=\"");
        while (*p == 'M') {
                int x, y, run, back, used = 0;
                if (sscanf(p, "M%d %dh%dv1h-%dz%n", &x, &y, &run, &back, &used) != 4 || used == 0 ||
                    run != back || run < 1 || y < 0 || y >= s1 || x < 0 || x + run > s1)
                        return -1;
                for (int i = 0; i < run; i++) {
                        if ((*grid)[y * s1 + x + i])
                                return -1; /* drawn twice */
                        (*grid)[y * s1 + x + i] = 1;
                }
                p += used;
        }
        return strncmp(p, "\"/></svg>", 9) == 0 ? 0 : -1;
}

static void check_text(const char *text, const char *name)
{
        struct buf svg;
        buf_init(&svg);
        if (!ok(qr_svg(text, &svg), "%s: drawn", name))
                return;
        int size = 0;
        unsigned char *grid = NULL;
        int rb = read_back(svg.data, &size, &grid);
        ok(rb == 0, "%s: the SVG reads back", name);
        QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        is_int(size, q->width + 8, "… its size is the code's width plus 4 modules each side");
        int same = rb == 0;
        for (int y = 0; same && y < size; y++)
                for (int x = 0; x < size; x++) {
                        int inside = x >= 4 && y >= 4 && x < q->width + 4 && y < q->width + 4;
                        int want = inside ? q->data[(y - 4) * q->width + (x - 4)] & 1 : 0;
                        if (grid[y * size + x] != want) {
                                same = 0;
                                break;
                        }
                }
        ok(same, "%s: every module matches libqrencode's matrix, the quiet zone white", name);
        QRcode_free(q);
        free(grid);
        buf_free(&svg);
}

static void test_drawing(void)
{
        check_text("otpauth://totp/%E8%AF%BE%E7%A8%8B%E8%B6%85%E5%B8%82:139****0001?secret="
                   "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=%E8%AF%BE%E7%A8%8B%E8%B6%85%E5%B8%82"
                   "&algorithm=SHA1&digits=6&period=30",
                   "an otpauth address");
        check_text("A", "one character");
        char long_text[1500];
        memset(long_text, 'x', sizeof long_text - 1);
        long_text[sizeof long_text - 1] = '\0';
        check_text(long_text, "1499 characters");
        struct buf b;
        buf_init(&b);
        ok(!qr_svg("", &b) && b.len == 0, "empty text: refused, nothing written");
        ok(!qr_svg(NULL, &b) && b.len == 0, "NULL: refused");
        char *huge = malloc(4000);
        memset(huge, 'y', 3999);
        huge[3999] = '\0';
        ok(!qr_svg(huge, &b), "4000 bytes: too long for any QR code, refused");
        free(huge);
        buf_free(&b);
}

static void test_data_uri(void)
{
        const char *text = "otpauth://totp/x?secret=ABCDEFGH";
        struct buf svg, uri;
        buf_init(&svg);
        buf_init(&uri);
        qr_svg(text, &svg);
        ok(qr_svg_data_uri(text, &uri), "data URI made");
        const char *prefix = "data:image/svg+xml;base64,";
        ok(uri.len > strlen(prefix) && strncmp(uri.data, prefix, strlen(prefix)) == 0,
           "… starting data:image/svg+xml;base64,");
        const char *b64 = uri.data + strlen(prefix);
        size_t n = uri.len - strlen(prefix);
        unsigned char *plain = malloc(n);
        int got = EVP_DecodeBlock(plain, (const unsigned char *)b64, (int)n);
        while (got > 0 && plain[got - 1] == '\0') /* EVP_DecodeBlock counts the padding */
                got--;
        is_mem(plain, (size_t)got, svg.data, svg.len, "… which decodes to the same SVG");
        free(plain);
        struct buf none;
        buf_init(&none);
        ok(!qr_svg_data_uri("", &none) && none.len == 0, "empty text: no URI");
        buf_free(&svg);
        buf_free(&uri);
        buf_free(&none);
}

int main(void)
{
        test_drawing();
        test_data_uri();
        return done_testing();
}
