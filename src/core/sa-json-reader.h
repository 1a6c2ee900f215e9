/* sa-json-reader.h — the one bounded JSON reader for untrusted text: every
 * answer the client reads (Desk and Cisco) and every body the sandbox reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deepest nesting the client accepts in an answer: the Desk's and Cisco's
 * answers nest fewer than 10 levels. */
#define SA_JSON_READER_CLIENT_MAX_DEPTH 64
/* Largest text the reader parses at all (bytes). */
#define SA_JSON_READER_MAX_SIZE (16 * 1024 * 1024)

#define SA_JSON_READER_ERROR (sa_json_reader_error_quark ())

/**
 * SaJsonReaderError:
 * @SA_JSON_READER_ERROR_EMPTY: no JSON value (empty or blank text)
 * @SA_JSON_READER_ERROR_TOO_LARGE: larger than %SA_JSON_READER_MAX_SIZE
 * @SA_JSON_READER_ERROR_NOT_UTF8: not UTF-8, or a NUL byte
 * @SA_JSON_READER_ERROR_TOO_DEEP: nested deeper than the caller allows
 * @SA_JSON_READER_ERROR_TRAILING_DATA: more than one JSON value
 * @SA_JSON_READER_ERROR_NUL_ESCAPE: a "\u0000" escape, refused on request
 * @SA_JSON_READER_ERROR_INVALID: not JSON
 * @SA_JSON_READER_ERROR_NUMBER_RANGE: an integer of more than 18 digits,
 *   refused on request (json-glib would saturate or wrap it)
 *
 * Why the reader refused a text.
 */
typedef enum
{
  SA_JSON_READER_ERROR_EMPTY,
  SA_JSON_READER_ERROR_TOO_LARGE,
  SA_JSON_READER_ERROR_NOT_UTF8,
  SA_JSON_READER_ERROR_TOO_DEEP,
  SA_JSON_READER_ERROR_TRAILING_DATA,
  SA_JSON_READER_ERROR_NUL_ESCAPE,
  SA_JSON_READER_ERROR_INVALID,
  SA_JSON_READER_ERROR_NUMBER_RANGE,
} SaJsonReaderError;

/**
 * SaJsonReaderFlags:
 * @SA_JSON_READER_NONE: the defaults
 * @SA_JSON_READER_REFUSE_NUL_ESCAPE: refuse "\u0000" inside strings (the
 *   sandbox: a NUL would cut a value short behind the parser's back)
 * @SA_JSON_READER_REFUSE_LONG_NUMBERS: refuse integers of more than 18
 *   digits, before json-glib converts them (the sandbox: every number it
 *   takes has a documented range far below)
 *
 * Optional checks of sa_json_reader_parse().
 */
typedef enum
{
  SA_JSON_READER_NONE              = 0,
  SA_JSON_READER_REFUSE_NUL_ESCAPE = 1 << 0,
  SA_JSON_READER_REFUSE_LONG_NUMBERS = 1 << 1,
} SaJsonReaderFlags;

GQuark    sa_json_reader_error_quark (void);

gboolean  sa_json_reader_check       (const char         *data,
                                      gsize               size,
                                      guint               max_depth,
                                      SaJsonReaderFlags   flags,
                                      GError            **error);

JsonNode *sa_json_reader_parse       (const char         *data,
                                      gsize               size,
                                      guint               max_depth,
                                      SaJsonReaderFlags   flags,
                                      GError            **error);

G_END_DECLS
