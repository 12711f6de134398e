/* image: course cover images uploaded by agencies. It decides an upload's type from its bytes
 * (JPEG, PNG, WebP; never from the name or the browser's Content-Type), reads the dimensions the
 * file declares (JPEG SOF, PNG IHDR, WebP VP8/VP8L/VP8X) and refuses decompression bombs before
 * anything is decoded, then decodes it with Debian's libgd, turns it upright by its EXIF
 * orientation, centre-crops it to 16:9 and writes two new JPEGs: a cover (1200×675) and a card
 * thumbnail (480×270), never upscaled. The outputs are re-encoded pixels only: no EXIF, GPS, ICC,
 * comments or anything else the upload carried. It never writes files, never keeps state between
 * calls (except owning libgd's error handler, which only counts), and never hands out a byte of
 * the upload itself. Workers are single-threaded; so is this module. */
#ifndef CM_IMAGE_H
#define CM_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define IMG_MAX_BYTES  (10u << 20) /* 10 MiB: larger uploads are refused unread */
#define IMG_MAX_PIXELS 40000000u   /* 40 megapixels declared in the header */
#define IMG_MAX_SIDE   12000u      /* pixels on either side */
#define IMG_MIN_W      320u        /* smaller than 320×180 (upright) is too small for a cover */
#define IMG_MIN_H      180u
#define IMG_COVER_W    1200u
#define IMG_COVER_H    675u
#define IMG_THUMB_W    480u
#define IMG_THUMB_H    270u
#define IMG_JPEG_Q     82

enum img_type { IMG_UNKNOWN = 0, IMG_JPEG, IMG_PNG, IMG_WEBP };

/* What img_cover answers. img_status_code gives each its machine code, which a handler maps to a
 * localized message. */
enum img_status {
        IMG_OK = 0,
        IMG_NOT_IMAGE,        /* "not_image": not a JPEG, PNG or (still) WebP by its bytes */
        IMG_TOO_LARGE_BYTES,  /* "too_large_bytes": over IMG_MAX_BYTES */
        IMG_TOO_LARGE_PIXELS, /* "too_large_pixels": declares too many pixels or too long a side */
        IMG_CORRUPT,          /* "corrupt": right magic, but truncated or does not decode */
        IMG_TOO_SMALL,        /* "too_small": under the minimum size, upright */
        IMG_INTERNAL,         /* "internal": out of memory or the encoder failed */
};

/* The limits and output sizes img_cover_with works to; img_cover uses img_default_limits. The
 * outputs keep the cover's aspect ratio (cover_w:cover_h), and thumb_w:thumb_h should be the
 * same. */
struct img_limits {
        size_t max_bytes;
        uint64_t max_pixels;
        uint32_t max_side;
        uint32_t min_w, min_h;
        uint32_t cover_w, cover_h;
        uint32_t thumb_w, thumb_h;
        int quality;
};

/* What a file's header says, read without decoding. */
struct img_info {
        enum img_type type;
        uint32_t width, height; /* as stored (before orientation) */
        int orientation;        /* EXIF orientation 1..8 (JPEG only; 1 when absent or invalid) */
};

/* The two JPEGs (malloc'd; free with img_out_free) and what was learnt of the source. On failure
 * cover and thumb are NULL, but type and the source size are filled in when the header was read,
 * so a message can say "your picture is 200×100". */
struct img_out {
        unsigned char *cover;
        size_t cover_len;
        uint32_t cover_w, cover_h;
        unsigned char *thumb;
        size_t thumb_len;
        uint32_t thumb_w, thumb_h;
        enum img_type type;
        uint32_t src_w, src_h; /* upright (after orientation) */
};

extern const struct img_limits img_default_limits;

/* The type by magic bytes alone: FF D8 FF (JPEG), the 8-byte PNG signature, RIFF….WEBP; else
 * IMG_UNKNOWN. docstore uses it for JPEG and PNG too. */
enum img_type img_sniff(const void *bytes, size_t len);

/* "image/jpeg", "image/png", "image/webp", or NULL for IMG_UNKNOWN. */
const char *img_media_type(enum img_type type);

/* Reads the header: type, declared size and (JPEG) EXIF orientation. IMG_OK, IMG_NOT_IMAGE, or
 * IMG_CORRUPT when the header is missing, cut short or malformed (a JPEG must also reach its EOI
 * marker, a WebP its declared RIFF length). Decodes nothing and allocates nothing. */
enum img_status img_probe(const void *bytes, size_t len, struct img_info *info);

/* The whole job with the default limits. Writes the machine code into err (when errlen > 0) on
 * failure, "" on success. */
enum img_status img_cover(const void *bytes, size_t len, struct img_out *out, char *err,
                          size_t errlen);

/* The same with other limits and sizes (the fuzz target uses small ones). */
enum img_status img_cover_with(const void *bytes, size_t len, const struct img_limits *lim,
                               struct img_out *out, char *err, size_t errlen);

/* Frees the two buffers and zeroes *out; harmless on a zeroed or already freed img_out. */
void img_out_free(struct img_out *out);

/* The machine code of a status: "ok", "not_image", "too_large_bytes", "too_large_pixels",
 * "corrupt", "too_small", "internal". */
const char *img_status_code(enum img_status st);

#endif
