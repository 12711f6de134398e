/* qr: QR codes as SVG, drawn on the server (libqrencode), for the staff authenticator's otpauth://
 * address: every authenticator app scans one, and typing a 32-character key on a phone is where
 * people give up. The SVG travels as a data: URI in an <img> (the page's CSP admits data: images),
 * so it needs no JavaScript and no file. The text it encodes is a secret: never log it, and put the
 * result only on a no-store page for its owner. */
#ifndef CM_QR_H
#define CM_QR_H

#include <stdbool.h>

#include "buf.h"

/* Appends an SVG drawing of text as a QR code (error correction M, 4 modules of quiet zone, one
 * <path> of dark modules) to out; false when text is empty or too long for a QR code. */
bool qr_svg(const char *text, struct buf *out);

/* The same as "data:image/svg+xml;base64,…", ready for an <img src>. */
bool qr_svg_data_uri(const char *text, struct buf *out);

#endif
