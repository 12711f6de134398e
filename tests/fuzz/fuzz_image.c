/* fuzz_image.c: libFuzzer target for img_cover (cgi-bin/core/image.c) with small limits (at most
 * 256 pixels a side and 64 KiB of input, covers of 64×36 and thumbnails of 32×18), so that the
 * inputs that do decode decode quickly. It aborts on any broken promise: a status outside the
 * enum, output left behind on a refusal, a header that img_probe reads differently from what
 * img_cover reports, and, on success, outputs that are not two JPEGs of the promised sizes
 * (decoded again with libgd) or that still carry EXIF. It must never keep state between inputs. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <gd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

#define CHECK(c)                                                                                   \
        do {                                                                                       \
                if (!(c)) {                                                                        \
                        fprintf(stderr, "invariant failed: %s (line %d)\n", #c, __LINE__);         \
                        abort();                                                                   \
                }                                                                                  \
        } while (0)

static const struct img_limits lim = {
    .max_bytes = 64u << 10,
    .max_pixels = 256u * 256u,
    .max_side = 256,
    .min_w = 16,
    .min_h = 9,
    .cover_w = 64,
    .cover_h = 36,
    .thumb_w = 32,
    .thumb_h = 18,
    .quality = 82,
};

static void check_jpeg(const unsigned char *p, size_t n, uint32_t w, uint32_t h)
{
        CHECK(p != NULL && n > 4);
        CHECK(p[0] == 0xFF && p[1] == 0xD8 && p[n - 2] == 0xFF && p[n - 1] == 0xD9);
        CHECK(memmem(p, n, "Exif", 4) == NULL);
        CHECK(img_sniff(p, n) == IMG_JPEG);
        gdImagePtr im = gdImageCreateFromJpegPtrEx((int)n, (void *)p, 0);
        CHECK(im != NULL);
        CHECK(gdImageSX(im) == (int)w && gdImageSY(im) == (int)h);
        gdImageDestroy(im);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct img_out out;
        struct img_info info;
        char err[24];
        enum img_status st = img_cover_with(data, size, &lim, &out, err, sizeof err);
        CHECK(st >= IMG_OK && st <= IMG_INTERNAL);
        CHECK(strcmp(err, st == IMG_OK ? "" : img_status_code(st)) == 0);
        enum img_status pst = img_probe(data, size, &info);
        if (size <= lim.max_bytes)
                CHECK(info.type == out.type);
        if (st != IMG_OK) {
                CHECK(out.cover == NULL && out.thumb == NULL);
                CHECK(out.cover_len == 0 && out.thumb_len == 0);
                if (st == IMG_TOO_LARGE_PIXELS || st == IMG_TOO_SMALL)
                        CHECK(pst == IMG_OK);
                return 0;
        }
        CHECK(pst == IMG_OK);
        CHECK(out.cover_w >= 1 && out.cover_w <= lim.cover_w && out.cover_h <= lim.cover_h);
        CHECK(out.thumb_w <= lim.thumb_w && out.thumb_w <= out.cover_w);
        CHECK(out.src_w >= lim.min_w && out.src_h >= lim.min_h);
        check_jpeg(out.cover, out.cover_len, out.cover_w, out.cover_h);
        check_jpeg(out.thumb, out.thumb_len, out.thumb_w, out.thumb_h);
        img_out_free(&out);
        CHECK(out.cover == NULL && out.thumb == NULL);
        return 0;
}
