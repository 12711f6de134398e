/* image: see image.h. */
#include "image.h"

#include <gd.h>
#include <gd_errors.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A real progressive JPEG has about ten scans; thousands of tiny scans only burn CPU. */
#define JPEG_MAX_SCANS 100

const struct img_limits img_default_limits = {
    .max_bytes = IMG_MAX_BYTES,
    .max_pixels = IMG_MAX_PIXELS,
    .max_side = IMG_MAX_SIDE,
    .min_w = IMG_MIN_W,
    .min_h = IMG_MIN_H,
    .cover_w = IMG_COVER_W,
    .cover_h = IMG_COVER_H,
    .thumb_w = IMG_THUMB_W,
    .thumb_h = IMG_THUMB_H,
    .quality = IMG_JPEG_Q,
};

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

enum img_type img_sniff(const void *bytes, size_t len)
{
        const unsigned char *p = bytes;
        if (!p)
                return IMG_UNKNOWN;
        if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
                return IMG_JPEG;
        if (len >= sizeof png_sig && memcmp(p, png_sig, sizeof png_sig) == 0)
                return IMG_PNG;
        if (len >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
                return IMG_WEBP;
        return IMG_UNKNOWN;
}

const char *img_media_type(enum img_type type)
{
        switch (type) {
        case IMG_JPEG:
                return "image/jpeg";
        case IMG_PNG:
                return "image/png";
        case IMG_WEBP:
                return "image/webp";
        case IMG_UNKNOWN:
                break;
        }
        return NULL;
}

const char *img_status_code(enum img_status st)
{
        switch (st) {
        case IMG_OK:
                return "ok";
        case IMG_NOT_IMAGE:
                return "not_image";
        case IMG_TOO_LARGE_BYTES:
                return "too_large_bytes";
        case IMG_TOO_LARGE_PIXELS:
                return "too_large_pixels";
        case IMG_CORRUPT:
                return "corrupt";
        case IMG_TOO_SMALL:
                return "too_small";
        case IMG_INTERNAL:
                break;
        }
        return "internal";
}

/* --- headers -------------------------------------------------------------------------------- */

static uint32_t be16(const unsigned char *p)
{
        return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le16(const unsigned char *p)
{
        return (uint32_t)p[1] << 8 | p[0];
}

static uint32_t le24(const unsigned char *p)
{
        return (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint32_t le32(const unsigned char *p)
{
        return (uint32_t)p[3] << 24 | le24(p);
}

/* The Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" segment's payload, or 1. */
static int exif_orientation(const unsigned char *s, size_t n)
{
        if (n < 6 + 8 || memcmp(s, "Exif\0\0", 6) != 0)
                return 1;
        const unsigned char *t = s + 6;
        size_t tn = n - 6;
        bool le;
        if (memcmp(t, "II", 2) == 0)
                le = true;
        else if (memcmp(t, "MM", 2) == 0)
                le = false;
        else
                return 1;
        uint32_t (*u16)(const unsigned char *) = le ? le16 : be16;
        uint32_t ifd = le ? le32(t + 4) : be32(t + 4);
        if (u16(t + 2) != 42 || ifd > tn || tn - ifd < 2)
                return 1;
        uint32_t count = u16(t + ifd);
        for (uint32_t i = 0; i < count; i++) {
                size_t e = (size_t)ifd + 2 + (size_t)i * 12;
                if (e + 12 > tn)
                        break;
                if (u16(t + e) != 0x0112)
                        continue;
                uint32_t type = u16(t + e + 2);
                uint32_t cnt = le ? le32(t + e + 4) : be32(t + e + 4);
                uint32_t v = u16(t + e + 8);
                if (type == 3 && cnt == 1 && v >= 1 && v <= 8)
                        return (int)v;
                return 1;
        }
        return 1;
}

/* Walks the JPEG's markers from SOI to EOI: the frame header (SOF) gives the size, APP1 the EXIF
 * orientation, and each scan's entropy-coded data is skipped to the next marker. A file that ends
 * before EOI is truncated. */
static enum img_status jpeg_probe(const unsigned char *p, size_t n, struct img_info *info)
{
        size_t i = 2;
        bool have_sof = false, have_exif = false;
        int scans = 0;
        for (;;) {
                if (i >= n || p[i] != 0xFF)
                        return IMG_CORRUPT;
                while (i < n && p[i] == 0xFF) /* fill bytes */
                        i++;
                if (i >= n)
                        return IMG_CORRUPT;
                unsigned m = p[i++];
                if (m == 0xD9)
                        return have_sof && scans > 0 ? IMG_OK : IMG_CORRUPT;
                if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) /* TEM, RSTn: no length */
                        continue;
                if (m == 0x00 || m == 0xD8)
                        return IMG_CORRUPT;
                if (n - i < 2)
                        return IMG_CORRUPT;
                size_t seg = be16(p + i);
                if (seg < 2 || seg > n - i)
                        return IMG_CORRUPT;
                const unsigned char *s = p + i + 2;
                size_t slen = seg - 2;
                i += seg;
                if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                        if (have_sof || slen < 6)
                                return IMG_CORRUPT;
                        info->height = be16(s + 1);
                        info->width = be16(s + 3);
                        if (info->width == 0 || info->height == 0)
                                return IMG_CORRUPT;
                        have_sof = true;
                } else if (m == 0xE1 && !have_exif && slen >= 6 && memcmp(s, "Exif\0\0", 6) == 0) {
                        have_exif = true;
                        info->orientation = exif_orientation(s, slen);
                } else if (m == 0xDA) {
                        if (!have_sof || ++scans > JPEG_MAX_SCANS)
                                return IMG_CORRUPT;
                        /* entropy-coded data: FF 00 is a stuffed byte, FF D0..D7 a restart
                         * marker; any other FF xx begins the next marker */
                        for (;;) {
                                if (n - i < 2)
                                        return IMG_CORRUPT;
                                if (p[i] == 0xFF && p[i + 1] != 0x00 &&
                                    !(p[i + 1] >= 0xD0 && p[i + 1] <= 0xD7))
                                        break;
                                i++;
                        }
                }
        }
}

static enum img_status png_probe(const unsigned char *p, size_t n, struct img_info *info)
{
        /* signature, then IHDR first: length 13, "IHDR", width, height, …, CRC */
        if (n < 8 + 8 + 13 + 4 || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4) != 0)
                return IMG_CORRUPT;
        info->width = be32(p + 16);
        info->height = be32(p + 20);
        if (info->width == 0 || info->height == 0 || info->width > 0x7FFFFFFFu ||
            info->height > 0x7FFFFFFFu)
                return IMG_CORRUPT;
        return IMG_OK;
}

static enum img_status webp_probe(const unsigned char *p, size_t n, struct img_info *info)
{
        if (n < 30)
                return IMG_CORRUPT;
        uint32_t riff = le32(p + 4);
        if (riff < 22 || riff > n - 8) /* cut short */
                return IMG_CORRUPT;
        const unsigned char *c = p + 20; /* the first chunk's payload */
        uint32_t clen = le32(p + 16);
        if (clen > riff - 12)
                return IMG_CORRUPT;
        if (memcmp(p + 12, "VP8 ", 4) == 0) {
                /* frame tag (a key frame has bit 0 clear), start code 9D 01 2A, 14-bit sizes */
                if (clen < 10 || (c[0] & 1) != 0 || c[3] != 0x9D || c[4] != 0x01 || c[5] != 0x2A)
                        return IMG_CORRUPT;
                info->width = le16(c + 6) & 0x3FFF;
                info->height = le16(c + 8) & 0x3FFF;
        } else if (memcmp(p + 12, "VP8L", 4) == 0) {
                if (clen < 5 || c[0] != 0x2F)
                        return IMG_CORRUPT;
                uint32_t bits = le32(c + 1);
                info->width = (bits & 0x3FFF) + 1;
                info->height = ((bits >> 14) & 0x3FFF) + 1;
        } else if (memcmp(p + 12, "VP8X", 4) == 0) {
                if (clen < 10)
                        return IMG_CORRUPT;
                if (c[0] & 0x02) /* an animation: not a picture libgd decodes */
                        return IMG_NOT_IMAGE;
                info->width = le24(c + 4) + 1;
                info->height = le24(c + 7) + 1;
        } else {
                return IMG_CORRUPT;
        }
        if (info->width == 0 || info->height == 0)
                return IMG_CORRUPT;
        return IMG_OK;
}

enum img_status img_probe(const void *bytes, size_t len, struct img_info *info)
{
        memset(info, 0, sizeof *info);
        info->orientation = 1;
        info->type = img_sniff(bytes, len);
        switch (info->type) {
        case IMG_JPEG:
                return jpeg_probe(bytes, len, info);
        case IMG_PNG:
                return png_probe(bytes, len, info);
        case IMG_WEBP:
                return webp_probe(bytes, len, info);
        case IMG_UNKNOWN:
                break;
        }
        return IMG_NOT_IMAGE;
}

/* --- decoding and resizing ------------------------------------------------------------------ */

/* libgd reports through one process-wide handler; this module owns it and only counts, so a
 * libjpeg warning (premature end, corrupt entropy data) can refuse a JPEG that libgd would have
 * returned half grey, and nothing is printed on the worker's stderr. */
static int gd_warnings;

static void gd_count(int priority, const char *format, va_list args)
{
        (void)format;
        (void)args;
        if (priority <= GD_WARNING)
                gd_warnings++;
}

static bool transposed(int orientation)
{
        return orientation >= 5 && orientation <= 8;
}

/* A new upright copy of im by EXIF orientation (2..8), for the small output images only. */
static gdImagePtr orient(gdImagePtr im, int o)
{
        int sw = gdImageSX(im), sh = gdImageSY(im);
        int w = transposed(o) ? sh : sw, h = transposed(o) ? sw : sh;
        gdImagePtr out = gdImageCreateTrueColor(w, h);
        if (!out)
                return NULL;
        for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                        int sx, sy;
                        switch (o) {
                        case 2:
                                sx = w - 1 - x, sy = y;
                                break;
                        case 3:
                                sx = w - 1 - x, sy = h - 1 - y;
                                break;
                        case 4:
                                sx = x, sy = h - 1 - y;
                                break;
                        case 5:
                                sx = y, sy = x;
                                break;
                        case 6:
                                sx = y, sy = w - 1 - x;
                                break;
                        case 7:
                                sx = h - 1 - y, sy = w - 1 - x;
                                break;
                        case 8:
                                sx = h - 1 - y, sy = x;
                                break;
                        default:
                                sx = x, sy = y;
                                break;
                        }
                        gdImageTrueColorPixel(out, x, y) = gdImageTrueColorPixel(im, sx, sy);
                }
        }
        return out;
}

/* A w×h opaque truecolor image holding the (sx, sy, sw, sh) rectangle of src scaled to fit,
 * composited over white (a transparent PNG must not turn black in a JPEG). */
static gdImagePtr resample(gdImagePtr src, int sx, int sy, int sw, int sh, int w, int h)
{
        gdImagePtr dst = gdImageCreateTrueColor(w, h);
        if (!dst)
                return NULL;
        gdImageAlphaBlending(dst, 1);
        gdImageFilledRectangle(dst, 0, 0, w - 1, h - 1, gdTrueColor(255, 255, 255));
        gdImageCopyResampled(dst, src, 0, 0, sx, sy, w, h, sw, sh);
        return dst;
}

/* Copies a JPEG libgd wrote into a malloc'd buffer without its COM segment (libgd names itself
 * there) or any APPn but the JFIF APP0. */
static unsigned char *jpeg_clean_copy(const unsigned char *p, size_t n, size_t *out_len)
{
        unsigned char *o = malloc(n);
        if (!o || n < 4 || p[0] != 0xFF || p[1] != 0xD8) {
                free(o);
                return NULL;
        }
        size_t i = 2, k = 2;
        memcpy(o, p, 2);
        while (i + 4 <= n && p[i] == 0xFF) {
                unsigned m = p[i + 1];
                size_t seg = be16(p + i + 2);
                if (m == 0xDA || seg < 2 || seg > n - i - 2)
                        break;
                if (m != 0xFE && !(m >= 0xE1 && m <= 0xEF)) {
                        memcpy(o + k, p + i, seg + 2);
                        k += seg + 2;
                }
                i += seg + 2;
        }
        memcpy(o + k, p + i, n - i);
        *out_len = k + (n - i);
        return o;
}

static unsigned char *encode(gdImagePtr im, int quality, size_t *len)
{
        int size = 0;
        gdImageInterlace(im, 0);
        void *jpg = gdImageJpegPtr(im, &size, quality);
        if (!jpg || size <= 0) {
                if (jpg)
                        gdFree(jpg);
                return NULL;
        }
        unsigned char *o = jpeg_clean_copy(jpg, (size_t)size, len);
        gdFree(jpg);
        return o;
}

static gdImagePtr decode(enum img_type type, const void *bytes, size_t len)
{
        void *data = (void *)bytes; /* libgd reads through a non-const pointer; it never writes */
        switch (type) {
        case IMG_JPEG:
                return gdImageCreateFromJpegPtrEx((int)len, data, 0);
        case IMG_PNG:
                return gdImageCreateFromPngPtr((int)len, data);
        case IMG_WEBP:
                return gdImageCreateFromWebpPtr((int)len, data);
        case IMG_UNKNOWN:
                break;
        }
        return NULL;
}

static enum img_status fail(enum img_status st, struct img_out *out, char *err, size_t errlen)
{
        free(out->cover);
        free(out->thumb);
        out->cover = out->thumb = NULL;
        out->cover_len = out->thumb_len = 0;
        out->cover_w = out->cover_h = out->thumb_w = out->thumb_h = 0;
        if (err && errlen)
                snprintf(err, errlen, "%s", img_status_code(st));
        return st;
}

/* The largest cw:ch rectangle inside w×h (floors, so never outside). */
static void fit_aspect(uint32_t w, uint32_t h, uint32_t cw, uint32_t ch, uint32_t *ow, uint32_t *oh)
{
        if ((uint64_t)w * ch > (uint64_t)h * cw) {
                *oh = h;
                *ow = (uint32_t)((uint64_t)h * cw / ch);
        } else {
                *ow = w;
                *oh = (uint32_t)((uint64_t)w * ch / cw);
        }
}

enum img_status img_cover_with(const void *bytes, size_t len, const struct img_limits *lim,
                               struct img_out *out, char *err, size_t errlen)
{
        struct img_info info;
        memset(out, 0, sizeof *out);
        if (err && errlen)
                err[0] = '\0';
        if (!bytes || len == 0)
                return fail(IMG_NOT_IMAGE, out, err, errlen);
        if (len > lim->max_bytes || len > (size_t)INT32_MAX)
                return fail(IMG_TOO_LARGE_BYTES, out, err, errlen);
        enum img_status st = img_probe(bytes, len, &info);
        out->type = info.type;
        if (st != IMG_OK)
                return fail(st, out, err, errlen);
        bool tr = transposed(info.orientation);
        out->src_w = tr ? info.height : info.width;
        out->src_h = tr ? info.width : info.height;
        if (info.width > lim->max_side || info.height > lim->max_side ||
            (uint64_t)info.width * info.height > lim->max_pixels)
                return fail(IMG_TOO_LARGE_PIXELS, out, err, errlen);
        if (out->src_w < lim->min_w || out->src_h < lim->min_h)
                return fail(IMG_TOO_SMALL, out, err, errlen);
        if (lim->cover_w == 0 || lim->cover_h == 0 || lim->thumb_w == 0 || lim->thumb_h == 0)
                return fail(IMG_INTERNAL, out, err, errlen);

        gdSetErrorMethod(gd_count);
        gd_warnings = 0;
        gdImagePtr src = decode(info.type, bytes, len);
        if (!src || (info.type == IMG_JPEG && gd_warnings > 0) ||
            (uint32_t)gdImageSX(src) != info.width || (uint32_t)gdImageSY(src) != info.height) {
                if (src)
                        gdImageDestroy(src);
                return fail(IMG_CORRUPT, out, err, errlen);
        }

        /* the centre 16:9 crop, upright; the cover is that crop scaled down to cover_w×cover_h,
         * or the crop itself when it is smaller (never upscaled) */
        uint32_t crop_w, crop_h, cw, ch, tw, th;
        fit_aspect(out->src_w, out->src_h, lim->cover_w, lim->cover_h, &crop_w, &crop_h);
        if (crop_w == 0 || crop_h == 0) {
                gdImageDestroy(src);
                return fail(IMG_TOO_SMALL, out, err, errlen);
        }
        if (crop_w >= lim->cover_w && crop_h >= lim->cover_h)
                cw = lim->cover_w, ch = lim->cover_h;
        else
                cw = crop_w, ch = crop_h;
        if (cw >= lim->thumb_w && ch >= lim->thumb_h)
                tw = lim->thumb_w, th = lim->thumb_h;
        else
                tw = cw, th = ch;
        /* a centred rectangle stays centred when turned, so crop in the stored orientation and
         * turn only the small result */
        uint32_t sw = tr ? crop_h : crop_w, sh = tr ? crop_w : crop_h;
        int sx = (int)((info.width - sw) / 2), sy = (int)((info.height - sh) / 2);
        gdImagePtr stored =
            resample(src, sx, sy, (int)sw, (int)sh, (int)(tr ? ch : cw), (int)(tr ? cw : ch));
        gdImageDestroy(src);
        gdImagePtr cover = stored;
        if (stored && info.orientation != 1) {
                cover = orient(stored, info.orientation);
                gdImageDestroy(stored);
        }
        gdImagePtr thumb = cover ? resample(cover, 0, 0, (int)cw, (int)ch, (int)tw, (int)th) : NULL;
        if (cover)
                out->cover = encode(cover, lim->quality, &out->cover_len);
        if (thumb)
                out->thumb = encode(thumb, lim->quality, &out->thumb_len);
        if (cover)
                gdImageDestroy(cover);
        if (thumb)
                gdImageDestroy(thumb);
        if (!out->cover || !out->thumb)
                return fail(IMG_INTERNAL, out, err, errlen);
        out->cover_w = cw, out->cover_h = ch;
        out->thumb_w = tw, out->thumb_h = th;
        return IMG_OK;
}

enum img_status img_cover(const void *bytes, size_t len, struct img_out *out, char *err,
                          size_t errlen)
{
        return img_cover_with(bytes, len, &img_default_limits, out, err, errlen);
}

void img_out_free(struct img_out *out)
{
        if (!out)
                return;
        free(out->cover);
        free(out->thumb);
        memset(out, 0, sizeof *out);
}
