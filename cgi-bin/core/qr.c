/* qr: see qr.h. */
#include "qr.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <qrencode.h>

#define QUIET 4 /* modules of white border the standard asks for */

bool qr_svg(const char *text, struct buf *out)
{
        if (!text || !*text)
                return false;
        QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        if (!q)
                return false;
        int w = q->width, size = w + 2 * QUIET;
        buf_printf(out,
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                   "shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" "
                   "fill=\"#fff\"/><path fill=\"#000\" d=\"",
                   size, size, size, size);
        /* one horizontal run of dark modules per h-segment keeps the drawing small */
        for (int y = 0; y < w; y++) {
                for (int x = 0; x < w;) {
                        if (!(q->data[y * w + x] & 1)) {
                                x++;
                                continue;
                        }
                        int run = 1;
                        while (x + run < w && (q->data[y * w + x + run] & 1))
                                run++;
                        buf_printf(out, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
                        x += run;
                }
        }
        buf_puts(out, "\"/></svg>");
        OPENSSL_cleanse(q->data, (size_t)w * (size_t)w);
        QRcode_free(q);
        return true;
}

bool qr_svg_data_uri(const char *text, struct buf *out)
{
        struct buf svg;
        buf_init(&svg);
        bool ok = qr_svg(text, &svg);
        if (ok) {
                static const char prefix[] = "data:image/svg+xml;base64,";
                size_t start = out->len;
                buf_puts(out, prefix);
                size_t room = 4 * ((svg.len + 2) / 3) + 1;
                char *b64 = OPENSSL_malloc(room);
                ok = b64 != NULL;
                if (ok) {
                        int n = EVP_EncodeBlock((unsigned char *)b64,
                                                (const unsigned char *)svg.data, (int)svg.len);
                        buf_append(out, b64, (size_t)n);
                        OPENSSL_clear_free(b64, room);
                } else {
                        out->len = start;
                }
        }
        if (svg.data)
                OPENSSL_cleanse(svg.data, svg.len);
        buf_free(&svg);
        return ok;
}
